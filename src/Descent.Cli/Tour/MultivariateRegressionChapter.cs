using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Linear regression with two features on house_prices: standardized features, batch gradient descent with several
/// learning rates (one too large), and the normal equation; the course's θ = (89597.9, 139.21, −8738.02) and the
/// price of a 1650 sq ft, 3-bedroom house, $293,081.
/// </summary>
internal sealed class MultivariateRegressionChapter : TourChapter
{
    private const int Iterations = 400;
    private static readonly double[] Rates = [1.0, 0.3, 0.1, 0.03, 0.01];
    private const double TooLarge = 2.0, ChosenRate = 0.1;

    public override string Key => "multivariate_regression";

    public override string Title => "Linear regression with several variables: scaling and learning rates";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("house_prices");
        double[] price = data.RequireNumericTarget();
        var scaler = new StandardScaler().Fit(data.Features);
        var z = scaler.Transform(data.Features);

        var curves = new List<(string, FitHistory)>();
        LinearModel? chosen = null;
        foreach (double rate in Rates)
        {
            var model = Gd(rate).Fit(z, price);
            curves.Add(($"α = {rate}", model.History));
            if (rate == ChosenRate) chosen = model;
        }
        int divergedAt = Diverges(Gd(TooLarge), z, price);
        int rawDivergedAt = Diverges(Gd(0.01), data.Features, price);

        // back to the original units: w = w_z / σ, b = b_z − Σ w_z μ / σ
        var theta = new double[3];
        theta[0] = chosen!.Intercept;
        for (int j = 0; j < 2; j++)
        {
            theta[j + 1] = chosen.Coefficients[j] / scaler.Scale[j];
            theta[0] -= chosen.Coefficients[j] * scaler.Mean[j] / scaler.Scale[j];
        }
        var exact = new LinearRegression().Fit(data.Features, price);
        var house = Matrix.FromRows([[1650.0, 3.0]]);
        double gdPrice = chosen.Predict(scaler.Transform(house))[0], exactPrice = exact.Predict(house)[0];
        double r2 = RegressionMetrics.R2Score(price, exact.Predict(data.Features));

        chapter.Paragraph(
            "Now the price of 47 houses in Portland is predicted from two features: the size in square feet and the number of " +
            "bedrooms. The model is the same, h(x) = θ₀ + θ₁·size + θ₂·bedrooms, and so is gradient descent; but the features " +
            "live on very different scales (sizes in the thousands, bedrooms from 1 to 5). On raw features, gradient descent " +
            $"with α = 0.01 overshoots along the size direction and blows up: the cost grows and Descent stops it at step {rawDivergedAt} " +
            "with an error that suggests standardizing.");
        chapter.Paragraph(
            "Standardizing each feature (subtract its mean, divide by its standard deviation) puts them on one scale, and the " +
            "learning rate decides how fast the cost falls. The figure runs 400 steps for several rates: a small α crawls, a " +
            $"larger one gets to the bottom in a few dozen steps, and a rate too large (α = {TooLarge} here) makes every step " +
            $"overshoot further than the last: Descent stopped it at step {divergedAt}.");
        chapter.Figure("learning-rates", ModelFigures.LossCurves(curves, logY: true, title: "Cost per step of gradient descent, for several learning rates α"),
            $"The cost J(θ) during {Iterations} steps of batch gradient descent on standardized features, one curve per learning rate (log scale). The larger rates reach the bottom, J = " +
            $"{Fixed(curves[2].Item2.Costs[^1] / 1e9, 3)}×10⁹, within a few dozen steps; α = 0.01 is still on its way after {Iterations}.");
        chapter.Paragraph(
            $"With α = {ChosenRate}, gradient descent reaches the same answer as the normal equation θ = (XᵀX)⁻¹Xᵀy, which needs " +
            "no learning rate and no scaling: in the original units θ = " +
            $"({Fixed(exact.Intercept, 2)}, {Fixed(exact.Coefficients[0], 3)}, {Fixed(exact.Coefficients[1], 2)}), so each square foot " +
            $"adds ${Fixed(exact.Coefficients[0], 2)} and, at equal size, each extra bedroom {(exact.Coefficients[1] < 0 ? "lowers" : "raises")} the " +
            $"price by ${Thousands(Math.Abs(exact.Coefficients[1]))}. " +
            $"A 1650 sq ft house with 3 bedrooms is predicted at ${Thousands(exactPrice)}.");
        chapter.Section.Metrics(
        [
            ("θ₀ (normal equation)", exact.Intercept), ("θ₁ size (normal equation)", exact.Coefficients[0]),
            ("θ₂ bedrooms (normal equation)", exact.Coefficients[1]),
            ($"θ₀ (gradient descent, α = {ChosenRate})", theta[0]), ("θ₁ size (gradient descent)", theta[1]), ("θ₂ bedrooms (gradient descent)", theta[2]),
            ("price of 1650 sq ft, 3 bedrooms (normal equation)", exactPrice), ("same, gradient descent", gdPrice),
            ("R² on the training data", r2),
        ], "Multivariate linear regression on house_prices (47 houses)", "0.###");

        chapter.Metric("dataset", "house_prices").Metric("normal_equation_theta", [exact.Intercept, exact.Coefficients[0], exact.Coefficients[1]])
            .Metric("gd_learning_rate", ChosenRate).Metric("gd_iterations", Iterations).Metric("gd_theta", theta)
            .Metric("price_1650_sqft_3_bedrooms", exactPrice).Metric("gd_price_1650_sqft_3_bedrooms", gdPrice)
            .Metric("train_r2", r2).Metric("learning_rates", Rates)
            .Metric("final_costs", curves.Select(c => c.Item2.Costs[^1]).ToArray())
            .Metric("diverging_learning_rate", TooLarge).Metric("diverged_at_step", divergedAt)
            .Metric("raw_features_diverged_at_step", rawDivergedAt);
        chapter.SetSummary("linear regression, 2 features", "house_prices", "price 1650 sq ft, 3 br", $"${Thousands(exactPrice)}");
    }

    private static LinearRegression Gd(double rate) => new()
    {
        Solver = LinearRegressionSolver.BatchGradientDescent,
        LearningRate = rate,
        Epochs = Iterations,
        Tolerance = 0,
    };

    /// <summary>The step at which <paramref name="settings"/> diverges on (x, y), or 0 when it does not.</summary>
    private static int Diverges(LinearRegression settings, Matrix<double> x, double[] y)
    {
        try
        {
            settings.Fit(x, y);
            return 0;
        }
        catch (DivergenceException e)
        {
            return e.Epoch;
        }
    }
}
