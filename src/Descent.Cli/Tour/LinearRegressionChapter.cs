using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting;
using Descent.Plotting.Models;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Univariate linear regression on food_truck: the cost J(θ₀, θ₁) with 1/(2m) and its gradient written out and
/// checked against the library's solver; the brute-force grid search for the best θ; batch gradient descent with the
/// course's settings (α = 0.01, 1500 iterations from θ = 0, ending at θ = (−3.63029, 1.16636)) drawn on the cost
/// surface in 3-D and as contours; the normal equation.
/// </summary>
internal sealed class LinearRegressionChapter : TourChapter
{
    public const double LearningRate = 0.01;
    public const int Iterations = 1500, GridPoints = 201;

    public override string Key => "linear_regression";

    public override string Title => "Linear regression with one variable: the cost and gradient descent";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("food_truck");
        double[] population = Column(data, "population_10k");
        double[] profit = data.RequireNumericTarget();
        var x = AsColumn(population);

        chapter.Paragraph(
            "A food-truck company knows, for 97 cities, the population and the profit its trucks made there. Linear regression " +
            "fits a straight line through these points, the hypothesis h(x) = θ₀ + θ₁·x: θ₀ is where the line crosses the axis, θ₁ " +
            "its slope. How good a line is, is measured by the cost, half the mean squared vertical distance between the line and " +
            "the points, and gradient descent lowers the cost by stepping against its gradient:");
        chapter.Formula("J(θ₀, θ₁) = 1/(2m) · Σᵢ (h(xᵢ) − yᵢ)²");
        chapter.Formula("∂J/∂θ₀ = 1/m · Σᵢ (h(xᵢ) − yᵢ)        ∂J/∂θ₁ = 1/m · Σᵢ (h(xᵢ) − yᵢ) · xᵢ");
        chapter.Paragraph("Written out in C#, the cost and its gradient are two loops over the m examples:");
        chapter.Code("cost-and-gradient");
        double j0 = Cost(population, profit, 0, 0), jOther = Cost(population, profit, -1, 2);
        var (g0, g1) = Gradient(population, profit, 0, 0);
        chapter.Paragraph(
            $"At θ = (0, 0), the flat line at zero profit, J = {Fixed(j0, 4)}; at θ = (−1, 2), J = {Fixed(jOther, 4)} (the course's " +
            $"32.0727 and 54.2425). The gradient at (0, 0) is ({Fixed(g0, 4)}, {Fixed(g1, 4)}): both negative, so the cost falls " +
            "when both parameters grow.");

        // <code grid-search>
        var grid = Grid2D.Evaluate((t0, t1) => Cost(population, profit, t0, t1), -10, 10, -1, 4, GridPoints, GridPoints);
        var (gridT0, gridT1, gridJ) = grid.ArgMin();
        // </code>
        chapter.Paragraph(
            $"Before gradient descent, the brute-force way: evaluate J on a grid of {GridPoints} × {GridPoints} = {Thousands(GridPoints * GridPoints)} " +
            "pairs (θ₀ from −10 to 10, θ₁ from −1 to 4) and keep the lowest:");
        chapter.Code("grid-search");
        chapter.Paragraph(
            $"The best grid point is θ = ({Fixed(gridT0, 2)}, {Fixed(gridT1, 3)}) with J = {Fixed(gridJ, 4)}. It is only as fine as the " +
            $"grid ({Fixed(20.0 / (GridPoints - 1), 2)} by {Fixed(5.0 / (GridPoints - 1), 3)}), and with n parameters a grid of k values " +
            $"each needs kⁿ evaluations: {GridPoints}² is fine, {GridPoints}¹⁰ is not. Gradient descent instead follows the slope.");

        // <code gradient-descent>
        var gd = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent,
            LearningRate = 0.01,   // α
            Epochs = 1500,         // steps θ ← θ − α·∇J(θ), from θ = (0, 0)
            Tolerance = 0,         // run them all
        }.Fit(x, profit);
        var exact = new LinearRegression().Fit(x, profit);   // the normal equation
        // </code>
        var path = gd.History.ParameterPath!;
        var costs = gd.History.Costs;
        // the library's first step is −α·∇J(0) of the loops above, and its first cost is their J(0)
        double firstStepGap = Math.Max(Math.Abs(path[1][0] + LearningRate * g0), Math.Abs(path[1][1] + LearningRate * g1));
        double[] fitted = gd.Predict(x);
        double r2 = RegressionMetrics.R2Score(profit, fitted);
        double[] cities = gd.Predict(Matrix.FromRows([[3.5], [7.0]]));

        chapter.Paragraph(
            $"Descent's LinearRegression runs the same loop: its recorded cost at θ = 0 is {Fixed(costs[0], 4)}, and its first step " +
            $"goes to θ = ({Fixed(path[1][0], 5)}, {Fixed(path[1][1], 5)}) = −α·∇J(0) of the code above.");
        chapter.Code("gradient-descent");
        var surface = ModelFigures.CostSurface3D(gd, population, profit, "population");
        var grid2 = surface[0, 1].Scatter([gridT0], [gridT1], "grid search minimum", new Color(0, 0, 0), MarkerShape.Cross);
        grid2.Size = 6;
        grid2.Opacity = 1;
        chapter.Figure("cost-surface", surface,
            $"The cost J(θ₀, θ₁) of every possible line: as a surface whose height is the cost (left) and seen from above as contours " +
            $"(right, log-spaced levels), with the {Iterations} steps of gradient descent from θ = (0, 0) to " +
            $"θ = ({Fixed(gd.Intercept, 3)}, {Fixed(gd.Coefficients[0], 3)}) drawn on both; the cross is the grid search's best point.");
        chapter.Notice(
            "the surface is a long, narrow valley. Gradient descent first slides quickly down its steep side (the first steps " +
            "change θ₁ most), then creeps along the nearly flat floor towards the lowest point, which it has not quite reached " +
            $"after {Iterations} steps.");
        chapter.Figure("loss-curve", ModelFigures.LossCurve(gd, logY: true, title: "Cost J(θ) after each step of gradient descent"),
            $"The cost after each step (log scale): it falls from {Fixed(costs[0], 2)} at θ = 0 to {Fixed(costs[1], 2)} in the first step, " +
            $"then ever more slowly, to {Fixed(costs[^1], 4)} after {Iterations} steps.");
        chapter.Figure("fitted-line", LinesDuringDescent(gd, population, profit),
            $"The line at the start (θ = 0: zero profit everywhere) and after 1, 10, 100 and {Iterations} steps of gradient descent: it " +
            "swings up from the flat start and settles through the data.");
        chapter.Paragraph(
            $"After {Iterations} steps, θ = ({Fixed(gd.Intercept, 5)}, {Fixed(gd.Coefficients[0], 5)}): the course's answer " +
            $"(−3.63029, 1.16636). The normal equation θ = (XᵀX)⁻¹Xᵀy, which solves for the lowest point directly, gives " +
            $"θ = ({Fixed(exact.Intercept, 5)}, {Fixed(exact.Coefficients[0], 5)}). The line predicts a profit of " +
            $"${Thousands(cities[0] * 10000)} in a city of 35,000 people and ${Thousands(cities[1] * 10000)} in one of 70,000.");
        chapter.Section.Metrics(
        [
            ("θ₀ (gradient descent)", gd.Intercept), ("θ₁ (gradient descent)", gd.Coefficients[0]),
            ("θ₀ (grid search)", gridT0), ("θ₁ (grid search)", gridT1),
            ("θ₀ (normal equation)", exact.Intercept), ("θ₁ (normal equation)", exact.Coefficients[0]),
            ("J at θ = 0", costs[0]), ($"J after {Iterations} steps", costs[^1]), ("R² on the training data", r2),
        ], "Univariate linear regression on food_truck (97 cities)", "0.#####");

        chapter.Metric("dataset", "food_truck").Metric("learning_rate", LearningRate).Metric("iterations", Iterations)
            .Metric("cost_at_zero", j0).Metric("cost_at_minus1_2", jOther).Metric("gradient_at_zero", [g0, g1])
            .Metric("first_step_gap", firstStepGap)
            .Metric("grid_points", GridPoints).Metric("grid_search_theta", [gridT0, gridT1]).Metric("grid_search_cost", gridJ)
            .Metric("gd_theta", [gd.Intercept, gd.Coefficients[0]])
            .Metric("normal_equation_theta", [exact.Intercept, exact.Coefficients[0]])
            .Metric("initial_cost", costs[0]).Metric("final_cost", costs[^1]).Metric("train_r2", r2)
            .Metric("profit_usd_35k_70k", [cities[0] * 10000, cities[1] * 10000]);
        chapter.SetSummary("linear regression, batch GD", "food_truck", $"θ after {Iterations} steps", $"({Fixed(gd.Intercept, 4)}, {Fixed(gd.Coefficients[0], 4)})");
    }

    // <code cost-and-gradient>
    // J(θ₀, θ₁) = 1/(2m) · Σ (θ₀ + θ₁·xᵢ − yᵢ)²
    public static double Cost(double[] x, double[] y, double theta0, double theta1)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double error = theta0 + theta1 * x[i] - y[i];   // h(xᵢ) − yᵢ
            sum += error * error;
        }
        return sum / (2 * x.Length);
    }

    // (∂J/∂θ₀, ∂J/∂θ₁) = 1/m · Σ (h(xᵢ) − yᵢ) · (1, xᵢ)
    public static (double D0, double D1) Gradient(double[] x, double[] y, double theta0, double theta1)
    {
        double d0 = 0, d1 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double error = theta0 + theta1 * x[i] - y[i];
            d0 += error;
            d1 += error * x[i];
        }
        return (d0 / x.Length, d1 / x.Length);
    }
    // </code>

    /// <summary>The data and the line θ₀ + θ₁x at a few steps of the recorded descent path.</summary>
    private static Figure LinesDuringDescent(LinearModel gd, double[] population, double[] profit)
    {
        var path = gd.History.ParameterPath!;
        var fits = new List<(string, Func<double, double>)> { ("start: θ = (0, 0)", _ => 0.0) };
        foreach (int step in new[] { 1, 10, 100, path.Count - 1 })
        {
            double b = path[step][0], w = path[step][1];
            fits.Add(($"after {step} {(step == 1 ? "step" : "steps")}: ŷ = {Fixed(b, 2)} + {Fixed(w, 2)}·x", v => b + w * v));
        }
        return Plotting.Figures.RegressionLines(population, profit, fits, "Population of city (10,000s)",
            "Profit ($10,000s)", "The line during gradient descent");
    }
}
