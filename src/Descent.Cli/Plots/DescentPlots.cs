using System.CommandLine;
using System.Globalization;
using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Linear;
using Descent.Numerics;
using Descent.Plotting;
using Descent.Plotting.Models;
using Descent.Preprocessing;

namespace Descent.Cli.Plots;

/// <summary>
/// The plot kinds that run gradient descent on a user's data to show how it behaves: the cost per step for several
/// learning rates (a rate that diverges drawn until it was stopped, and marked), and the descent paths from several
/// seeded random starts over the cost surface of one feature.
/// </summary>
internal static class DescentPlots
{
    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("learning-rates",
            "Linear regression by batch gradient descent on --data for each of --rates (default 1,0.3,0.1,0.03,0.01), the cost " +
            "J(θ) after each of --epochs steps (default 50) on a log axis. A rate that diverges is drawn until Descent stopped it, " +
            "and marked with a cross. Add --standardize: on raw features of different scales most rates diverge.\n\nExamples:\n" +
            "  descent plot learning-rates --data house_prices --standardize --rates 2,1,0.3,0.1,0.01 --out rates.svg",
            LearningRatesSetup),
        new("gd-starts",
            "Linear regression by batch gradient descent on one feature of --data from --starts (default 4) random starts, θ₀ " +
            "and θ₁ uniform in [−--init-scale, --init-scale] (default 8) from the seeds --seed + 1, --seed + 2, …: the paths over " +
            "the cost surface J(θ₀, θ₁), each from its start to where it stopped.\n\nExamples:\n" +
            "  descent plot gd-starts --data food_truck --learning-rate 0.01 --epochs 1500 --out starts.svg",
            StartsSetup),
    ];

    private static PlotSetup LearningRatesSetup()
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var features = CommonOptions.Features();
        var standardize = new Option<bool>("--standardize") { Description = "Scale every feature to mean 0 and standard deviation 1 first." };
        var rates = TrainedModels.NumberList("--rates", "The learning rates to compare (default 1,0.3,0.1,0.03,0.01).");
        var epochs = CommonOptions.Int("--epochs", "Steps of gradient descent for each rate.", 50, min: 1, max: 1_000_000);
        return new PlotSetup([data, target, features, standardize, rates, epochs], parse =>
        {
            var (rows, y) = Load(parse, data, target, features);
            var x = parse.GetValue(standardize) ? new StandardScaler().Fit(rows.Features).Transform(rows.Features) : rows.Features;
            double[] chosen = TrainedModels.Numbers(parse, rates) ?? [1, 0.3, 0.1, 0.03, 0.01];
            if (chosen.Any(r => !(r > 0)))
                throw new CliUsageException("--rates must all be > 0.");
            int steps = parse.GetValue(epochs);
            var curves = new List<(string, IReadOnlyList<double>, bool)>();
            foreach (double rate in chosen)
            {
                var seen = new CostRecorder();
                string label = string.Create(CultureInfo.InvariantCulture, $"α = {rate}");
                try
                {
                    var model = Gd(rate, steps).Fit(x, y, seen);
                    curves.Add((label, model.History.Costs, false));
                }
                catch (DivergenceException)
                {
                    // J at θ = 0 (the start of every rate), then what Fit reported until it stopped
                    curves.Add((label, [y.Sum(v => v * v) / (2.0 * y.Length), .. seen.Costs], true));
                }
            }
            if (curves.Any(c => c.Item2.Any(v => !(v > 0))))
                throw new CliUsageException("the cost reached 0 or became NaN, which a log axis cannot show; use fewer --epochs.");
            return Figures.LossCurves(curves, logY: true,
                title: $"Cost per step of gradient descent on {Name(rows)}, for several learning rates α");
        });
    }

    private static PlotSetup StartsSetup()
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var features = CommonOptions.Features();
        var starts = CommonOptions.Int("--starts", "How many random starts.", 4, min: 1, max: 20);
        var scale = CommonOptions.Double("--init-scale", "Half-width of the range the starts are drawn from.", 8, 0, 1e12, minExclusive: true);
        var rate = CommonOptions.Double("--learning-rate", "The learning rate α.", 0.01, 0, 1e6, minExclusive: true);
        var epochs = CommonOptions.Int("--epochs", "Steps of gradient descent from each start.", 1500, min: 1, max: 1_000_000);
        var seed = CommonOptions.Seed();
        return new PlotSetup([data, target, features, starts, scale, rate, epochs, seed], parse =>
        {
            var (rows, y) = Load(parse, data, target, features);
            if (rows.FeatureCount != 1)
                throw new CliUsageException(
                    $"plot gd-starts draws the cost of one feature, but {Name(rows)} has {rows.FeatureCount}; choose one with --features COLUMN.");
            var models = Enumerable.Range(1, parse.GetValue(starts)).Select(k =>
                (LinearModel)(Gd(parse.GetValue(rate), parse.GetValue(epochs)) with
                {
                    InitialSeed = parse.GetValue(seed) + (long)k,
                    InitialScale = parse.GetValue(scale),
                }).Fit(rows.Features, y)).ToArray();
            return ModelFigures.DescentPaths(models, rows.Features.Column(0).ToArray(), y, rows.FeatureNames[0],
                $"Gradient descent on {Name(rows)} from {models.Length} random starts");
        });
    }

    private static (Dataset Rows, double[] Y) Load(ParseResult parse, Option<string> data, Option<string?> target, Option<string[]?> features)
    {
        Dataset rows = DataSource.Load(parse.GetValue(data)!, parse.GetValue(target), parse.GetValue(features));
        return (rows, rows.RequireNumericTarget());
    }

    private static LinearRegression Gd(double rate, int epochs) => new()
    {
        Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = rate, Epochs = epochs, Tolerance = 0,
    };

    private static string Name(Dataset data) => Path.GetFileName(data.Source ?? "the data");
}
