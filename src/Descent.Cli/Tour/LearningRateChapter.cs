using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Linear;
using Descent.ModelSelection;
using Descent.Plotting;
using Descent.Plotting.Models;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Choosing the learning rate: batch gradient descent on standardized house_prices for several rates, the one too
/// large drawn until it diverges; a validation curve (5-fold cross-validation) over the rates with the diverged ones
/// marked; and gradient descent on food_truck from several seeded random starts, all reaching the one minimum.
/// </summary>
internal sealed class LearningRateChapter : TourChapter
{
    public const int Steps = 50, Starts = 4;
    public const double StartScale = 8;
    public static readonly double[] Rates = [2.0, 1.0, 0.3, 0.1, 0.03, 0.01];
    public static readonly double[] ValidationRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 1.5, 2.0, 3.0];

    public override string Key => "learning_rate";

    public override string Title => "The learning rate: too small, too large, and chosen on validation data";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("house_prices");
        double[] price = data.RequireNumericTarget();
        var z = new StandardScaler().Fit(data.Features).Transform(data.Features);

        chapter.Paragraph(
            "Every step of gradient descent moves θ by α times the gradient. The learning rate α is the one setting gradient " +
            "descent cannot do without, and there is no formula for it: too small and the descent crawls, too large and every " +
            "step overshoots the valley floor by more than the last, so the cost grows instead of falling.");
        chapter.Formula("θ ← θ − α · ∇J(θ)");

        // <code rates>
        var curves = new List<(string Label, IReadOnlyList<double> Costs, bool Diverged)>();
        double startCost = price.Sum(p => p * p) / (2.0 * price.Length);   // J at θ = 0
        foreach (double rate in Rates)
        {
            var seen = new CostRecorder();   // J after every step, as Fit reports it
            try
            {
                var model = new LinearRegression
                {
                    Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = rate, Epochs = 50, Tolerance = 0,
                }.Fit(z, price, seen);
                curves.Add(($"α = {rate}", model.History.Costs, false));
            }
            catch (DivergenceException)
            {
                curves.Add(($"α = {rate}", [startCost, .. seen.Costs], true));
            }
        }
        // </code>
        chapter.Paragraph($"On the standardized house prices, {Steps} steps of batch gradient descent for each of {Rates.Length} rates:");
        chapter.Code("rates");
        var diverged = curves.Where(c => c.Diverged).ToArray();
        int divergedAt = diverged.Length > 0 ? diverged[0].Costs.Count - 1 : 0;
        chapter.Figure("learning-rates", Figures.LossCurves(curves, logY: true, title: "Cost per step of gradient descent, for several learning rates α"),
            $"The cost J(θ) after each of {Steps} steps, one curve per learning rate (log scale). α = {Rates[0]} makes the cost grow " +
            $"from the first step; Descent stopped it at step {divergedAt} (the cross), when it had grown for 5 steps in a row above " +
            $"its start. α = 1 and 0.3 reach the bottom, J = {Fixed(curves[2].Costs[^1] / 1e9, 3)}×10⁹, within a few steps; " +
            $"α = 0.01 is still far from it after {Steps}.");
        chapter.Notice(
            "the curves for α = 1, 0.3 and 0.1 end at the same cost, reached sooner by the larger rate; the curve of a rate too " +
            "large goes up, not down. A cost that grows is the sign to lower α.");

        // <code validation>
        var curve = ValidationCurve.Compute(ValidationRates,
            rate => new Pipeline(new StandardScaler()).Then(new LinearRegression
            {
                Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = rate, Epochs = 50, Tolerance = 0,
            }),
            data.Features, price, new KFold(5) { Shuffle = true, Seed = 0 });
        // </code>
        double[] validation = curve.MeanValidationScores, training = curve.MeanTrainScores;
        int best = Enumerable.Range(0, validation.Length).Where(i => double.IsFinite(validation[i])).MinBy(i => validation[i]);
        double[] failed = ValidationRates.Where((_, i) => !double.IsFinite(validation[i])).ToArray();
        chapter.Paragraph(
            "Which rate to use is a choice to make on data the model did not train on. A validation curve cross-validates every " +
            "candidate: 5 times, train on four fifths of the houses (the scaler included, fitted on those rows only) and measure " +
            "the error on the fifth left out:");
        chapter.Code("validation");
        var figure = ModelFigures.ValidationCurve(curve, r => r, "Learning rate α", "Mean squared error (log scale)", logX: true,
            title: $"Validation curve: error after {Steps} steps against the learning rate");
        figure.Axes.YScale = AxisScale.Log;
        chapter.Figure("learning-rate-validation", figure,
            $"Training and validation error after {Steps} steps for each learning rate (both axes log). Small rates have not got " +
            $"far in {Steps} steps; the error falls as α grows, until the rates that diverge: {string.Join(", ", failed.Select(r => "α = " + r))} " +
            "(crosses at the top) have no finite error at all.");
        chapter.Notice(
            $"the lowest validation error is at α = {ValidationRates[best]}, the largest rate that still converges: a good rate " +
            "sits just below the point where the descent blows up. The diverged rates are not left out of the picture: they are the " +
            "edge of what works.");

        Dataset truck = Datasets.Load("food_truck");
        double[] population = Column(truck, "population_10k"), profit = truck.RequireNumericTarget();
        // <code random-starts>
        var fromRandomStarts = Enumerable.Range(1, Starts).Select(seed => new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.01, Epochs = 1500, Tolerance = 0,
            InitialSeed = seed, InitialScale = 8,   // θ₀ and θ₁ uniform in [−8, 8]
        }.Fit(AsColumn(population), profit)).ToArray();
        // </code>
        chapter.Paragraph(
            "Where the descent starts matters less. Back on the food trucks, the same 1500 steps with α = 0.01 from four random " +
            "starts instead of θ = 0, each drawn by a seeded generator (the same seed, the same start):");
        chapter.Code("random-starts");
        var ends = fromRandomStarts.Select(m => new[] { m.Intercept, m.Coefficients[0] }).ToArray();
        double spread = ends.Max(e => Math.Abs(e[1] - ends[0][1]));
        chapter.Figure("random-starts", ModelFigures.DescentPaths(fromRandomStarts, population, profit, "population",
                $"Gradient descent from {Starts} random starts"),
            "The four descent paths over the cost surface: each starts at its circle, runs down the steep side of the valley and " +
            "along its floor, and stops at its diamond.");
        chapter.Notice(
            "the cost of linear regression is a bowl with one lowest point, so every start leads to the same minimum; the paths " +
            "differ only in how far along the flat valley floor they have crept after 1500 steps. On a cost with several valleys, " +
            "the start would decide which one the descent ends in.");

        chapter.Metric("dataset", "house_prices").Metric("steps", Steps).Metric("learning_rates", Rates)
            .Metric("final_costs", curves.Select(c => c.Costs[^1]).ToArray())
            .Metric("diverging_learning_rate", diverged.Length > 0 ? Rates[curves.IndexOf(diverged[0])] : double.NaN)
            .Metric("diverged_at_step", divergedAt)
            .Metric("validation_rates", ValidationRates).Metric("validation_mse", validation).Metric("training_mse", training)
            .Metric("diverged_rates", failed).Metric("best_learning_rate", ValidationRates[best])
            .Metric("random_starts", fromRandomStarts.Select(m => m.History.ParameterPath![0]).SelectMany(p => p).ToArray())
            .Metric("random_start_ends", ends.SelectMany(e => e).ToArray()).Metric("random_start_slope_spread", spread);
        chapter.SetSummary("linear regression, batch GD", "house_prices", "best α (5-fold CV)", Fixed(ValidationRates[best], 1));
    }

}
