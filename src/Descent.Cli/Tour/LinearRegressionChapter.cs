using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Univariate linear regression on food_truck by batch gradient descent with the course's settings (α = 0.01,
/// 1500 iterations from θ = 0), which end at θ = (−3.63029, 1.16636); compared with the normal equation.
/// </summary>
internal sealed class LinearRegressionChapter : TourChapter
{
    public const double LearningRate = 0.01;
    public const int Iterations = 1500;

    public override string Key => "linear_regression";

    public override string Title => "Linear regression with one variable: gradient descent";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("food_truck");
        double[] population = Column(data, "population_10k");
        double[] profit = data.RequireNumericTarget();
        var x = AsColumn(population);

        var gd = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent,
            LearningRate = LearningRate,
            Epochs = Iterations,
            Tolerance = 0,
        }.Fit(x, profit);
        var exact = new LinearRegression().Fit(x, profit);
        double[] fitted = gd.Predict(x);
        double r2 = RegressionMetrics.R2Score(profit, fitted);
        double[] cities = gd.Predict(Matrix.FromRows([[3.5], [7.0]]));
        var costs = gd.History.Costs;

        chapter.Paragraph(
            "A food-truck company knows, for 97 cities, the population and the profit its trucks made there. Linear regression " +
            "fits a straight line h(x) = θ₀ + θ₁·x through these points: θ₀ is where the line crosses the axis, θ₁ its slope. " +
            "How good a line is, is measured by the cost J(θ₀, θ₁) = 1/(2m)·Σ (h(xᵢ) − yᵢ)², half the mean squared vertical " +
            "distance between the line and the points.");
        chapter.Paragraph(
            $"Gradient descent starts from θ = (0, 0), a flat line at zero profit, and repeatedly takes a small step (learning " +
            $"rate α = {LearningRate}) downhill: θ ← θ − α·∇J(θ). The map below shows J for every pair (θ₀, θ₁) as colour, dark " +
            $"where the cost is low; the orange path is the one gradient descent walked in {Iterations} steps. It first slides " +
            "quickly into the long valley, then creeps along the valley floor towards the lowest point.");
        chapter.Figure("cost-surface", ModelFigures.CostSurface(gd, population, profit, "population"),
            $"The cost J(θ₀, θ₁) of every possible line (colour, log-spaced levels) and the {Iterations} steps of gradient descent " +
            $"from θ = (0, 0) (white circle) to θ = ({Fixed(gd.Intercept, 3)}, {Fixed(gd.Coefficients[0], 3)}) (diamond).");
        chapter.Figure("loss-curve", ModelFigures.LossCurve(gd, logY: true, title: "Cost J(θ) after each step of gradient descent"),
            $"The cost after each step (log scale): it falls from {Fixed(costs[0], 2)} at θ = 0 to {Fixed(costs[1], 2)} in the first step, then keeps " +
            $"falling ever more slowly, to {Fixed(costs[^1], 4)} after {Iterations} steps.");
        chapter.Figure("fitted-line", LinesDuringDescent(gd, population, profit),
            "The line at the start (θ = 0: zero profit everywhere) and after 1, 10, 100 and 1500 steps of gradient descent: it swings up from the " +
            "flat start and settles through the data.");
        chapter.Paragraph(
            $"After {Iterations} steps, θ = ({Fixed(gd.Intercept, 5)}, {Fixed(gd.Coefficients[0], 5)}): the course's answer " +
            $"(-3.63029, 1.16636). Gradient descent has not quite reached the bottom: the normal equation, which solves for the " +
            $"lowest point directly, gives θ = ({Fixed(exact.Intercept, 5)}, {Fixed(exact.Coefficients[0], 5)}). The line predicts " +
            $"a profit of ${Thousands(cities[0] * 10000)} in a city of 35,000 people and ${Thousands(cities[1] * 10000)} in one of 70,000.");
        chapter.Section.Metrics(
        [
            ("θ₀ (gradient descent)", gd.Intercept), ("θ₁ (gradient descent)", gd.Coefficients[0]),
            ("θ₀ (normal equation)", exact.Intercept), ("θ₁ (normal equation)", exact.Coefficients[0]),
            ("J at θ = 0", costs[0]), ($"J after {Iterations} steps", costs[^1]), ("R² on the training data", r2),
        ], "Univariate linear regression on food_truck (97 cities)", "0.#####");

        chapter.Metric("dataset", "food_truck").Metric("learning_rate", LearningRate).Metric("iterations", Iterations)
            .Metric("gd_theta", [gd.Intercept, gd.Coefficients[0]])
            .Metric("normal_equation_theta", [exact.Intercept, exact.Coefficients[0]])
            .Metric("initial_cost", costs[0]).Metric("final_cost", costs[^1]).Metric("train_r2", r2)
            .Metric("profit_usd_35k_70k", [cities[0] * 10000, cities[1] * 10000]);
        chapter.SetSummary("linear regression, batch GD", "food_truck", $"θ after {Iterations} steps", $"({Fixed(gd.Intercept, 4)}, {Fixed(gd.Coefficients[0], 4)})");
    }

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
        var figure = Plotting.Figures.RegressionLines(population, profit, fits, "Population of city (10,000s)",
            "Profit ($10,000s)", "The line during gradient descent");
        figure.Axes.Legend = LegendPosition.LowerRight;
        return figure;
    }
}
