using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Linear regression with two features on house_prices: gradient descent diverging on raw features, standardized
/// features, batch gradient descent against the normal equation (the course's θ = (89597.9, 139.21, −8738.02) and the
/// price of a 1650 sq ft, 3-bedroom house, $293,081), and the fitted plane over the two features in 3-D with its residuals.
/// </summary>
internal sealed class MultivariateRegressionChapter : TourChapter
{
    public const int Iterations = 400;
    public const double ChosenRate = 0.1;

    public override string Key => "multivariate_regression";

    public override string Title => "Linear regression with several variables: scaling and the normal equation";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("house_prices");
        Matrix<double> houses = data.Features;   // size_sqft, bedrooms
        double[] price = data.RequireNumericTarget();

        chapter.Paragraph(
            "Now the price of 47 houses in Portland is predicted from two features, the size in square feet and the number of " +
            "bedrooms. The hypothesis, the cost and gradient descent are those of one variable, with one θ per feature:");
        chapter.Formula("h(x) = θ₀ + θ₁·size + θ₂·bedrooms = θᵀx        θ ← θ − α/m · Xᵀ(Xθ − y)");
        int rawDivergedAt = DivergesAt(() => new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = Iterations, Tolerance = 0,
        }.Fit(houses, price));
        chapter.Paragraph(
            "But the features live on very different scales: sizes in the thousands, bedrooms from 1 to 5. The gradient along the " +
            "size is a thousand times steeper, so a rate that suits the bedrooms overshoots along the size: on the raw features, " +
            $"gradient descent with α = 0.01 blows up, and Descent stops it at step {rawDivergedAt} with an error that suggests " +
            "standardizing. Standardizing puts every feature on one scale, with the training rows' mean μ and standard deviation σ:");
        chapter.Formula("zⱼ = (xⱼ − μⱼ) / σⱼ");

        // <code scale-and-fit>
        var scaler = new StandardScaler().Fit(houses);
        Matrix<double> z = scaler.Transform(houses);
        var gd = new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.1, Epochs = 400, Tolerance = 0,
        }.Fit(z, price);
        var exact = new LinearRegression().Fit(houses, price);   // θ = (XᵀX)⁻¹Xᵀy: no scaling, no learning rate
        // </code>
        chapter.Code("scale-and-fit");

        // back to the original units: θⱼ = wⱼ / σⱼ, θ₀ = b − Σ wⱼ μⱼ / σⱼ
        var theta = new double[3];
        theta[0] = gd.Intercept;
        for (int j = 0; j < 2; j++)
        {
            theta[j + 1] = gd.Coefficients[j] / scaler.Scale[j];
            theta[0] -= gd.Coefficients[j] * scaler.Mean[j] / scaler.Scale[j];
        }
        var house = Matrix.FromRows([[1650.0, 3.0]]);
        double gdPrice = gd.Predict(scaler.Transform(house))[0], exactPrice = exact.Predict(house)[0];
        double r2 = RegressionMetrics.R2Score(price, exact.Predict(houses));

        chapter.Paragraph(
            $"After {Iterations} steps with α = {ChosenRate} on standardized features, gradient descent reaches the answer of the normal " +
            $"equation, which needs neither a learning rate nor scaling: in the original units θ = ({Fixed(exact.Intercept, 2)}, " +
            $"{Fixed(exact.Coefficients[0], 3)}, {Fixed(exact.Coefficients[1], 2)}), so each square foot adds " +
            $"${Fixed(exact.Coefficients[0], 2)} and, at equal size, each extra bedroom {(exact.Coefficients[1] < 0 ? "lowers" : "raises")} " +
            $"the price by ${Thousands(Math.Abs(exact.Coefficients[1]))}. A 1650 sq ft house with 3 bedrooms is predicted at " +
            $"${Thousands(exactPrice)} (gradient descent: ${Thousands(gdPrice)}).");
        chapter.Figure("regression-plane", ModelFigures.RegressionPlane(exact, houses, price, ["size (sq ft)", "bedrooms"], "price (USD)",
                "The fitted plane over size and bedrooms, and each house's residual"),
            "Each house at its size, bedrooms and price (black), the plane θ₀ + θ₁·size + θ₂·bedrooms the normal equation fitted " +
            "(blue, translucent), and each house's residual y − ŷ as a stick from the plane to the house: vermillion above, blue below.");
        chapter.Notice(
            "with two features the straight line becomes a plane, and the residuals are vertical distances to it: least squares " +
            "tilts the plane until the sum of their squares is smallest. The plane rises steeply with size and barely with bedrooms; " +
            "the biggest residuals belong to a few large houses.");
        chapter.Section.Metrics(
        [
            ("θ₀ (normal equation)", exact.Intercept), ("θ₁ size (normal equation)", exact.Coefficients[0]),
            ("θ₂ bedrooms (normal equation)", exact.Coefficients[1]),
            ($"θ₀ (gradient descent, α = {ChosenRate})", theta[0]), ("θ₁ size (gradient descent)", theta[1]), ("θ₂ bedrooms (gradient descent)", theta[2]),
            ("price of 1650 sq ft, 3 bedrooms (normal equation)", exactPrice), ("same, gradient descent", gdPrice),
            ("R² on the training data", r2),
        ], "Multivariate linear regression on house_prices (47 houses)", "0.###");

        double[] residuals = exact.Predict(houses).Select((p, i) => price[i] - p).ToArray();
        chapter.Metric("dataset", "house_prices").Metric("normal_equation_theta", [exact.Intercept, exact.Coefficients[0], exact.Coefficients[1]])
            .Metric("gd_learning_rate", ChosenRate).Metric("gd_iterations", Iterations).Metric("gd_theta", theta)
            .Metric("price_1650_sqft_3_bedrooms", exactPrice).Metric("gd_price_1650_sqft_3_bedrooms", gdPrice)
            .Metric("train_r2", r2).Metric("residuals", residuals).Metric("raw_features_diverged_at_step", rawDivergedAt);
        chapter.SetSummary("linear regression, 2 features", "house_prices", "price 1650 sq ft, 3 br", $"${Thousands(exactPrice)}");
    }

    /// <summary>The step at which <paramref name="fit"/> diverges, or 0 when it does not.</summary>
    public static int DivergesAt(Action fit)
    {
        try
        {
            fit();
            return 0;
        }
        catch (DivergenceException e)
        {
            return e.Epoch;
        }
    }
}
