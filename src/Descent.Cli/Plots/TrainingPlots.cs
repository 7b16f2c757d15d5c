using System.CommandLine;
using System.Globalization;
using Descent.Cli.Commands;
using Descent.Plotting.Models;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Cli.Tour;
using Descent.Data;
using Descent.Linear;
using Descent.ModelSelection;
using Descent.Plotting;

namespace Descent.Cli.Plots;

/// <summary>
/// The plot kinds that train models to draw how they learn: learning curve, validation curve, regularization path,
/// polynomial fits; and the activation functions, which need nothing.
/// </summary>
internal static class TrainingPlots
{
    private const string ModelHelp =
        "MODEL and its options follow the kind as for 'descent fit MODEL' (e.g. 'ridge --alpha 0.1'). Errors are the mean " +
        "squared error for a regressor and the misclassification rate for a classifier, cross-validated (--folds, shuffled " +
        "with --seed; stratified for classifiers); --degree and --standardize are refitted on each training fold.";

    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("learning-curve",
            "Training error (E_in) and validation error (E_out) against the number of training rows, ± one standard deviation " +
            "over the folds. MODEL defaults to logistic when the target holds class labels (text, or at most 20 distinct whole numbers), else linear. " + ModelHelp +
            "\n\nExamples:\n" +
            "  descent plot learning-curve --data diabetes --out learning.svg\n" +
            "  descent plot learning-curve tree-classifier --max-depth 3 --data wine --train-sizes 0.2,0.4,0.6,0.8,1 --out learning.svg",
            LearningCurveSetup, takesModelArgument: true),
        new("validation-curve",
            "Training and validation error against one hyper-parameter: --param degree (polynomial features), or any numeric " +
            "option of MODEL without its dashes (alpha, c, max-depth, min-samples-leaf, n-estimators, l1-ratio, ...), over " +
            "--values. MODEL defaults to ridge for alpha, a tree for max-depth, linear (or logistic) for degree. Defaults for " +
            "--values: alpha and c 10^-3..10^3, learning-rate 0.001..3, degree 1..10, max-depth 1..10. A value whose fits diverge " +
            "(a learning rate too large) is drawn as a cross at the top, not dropped. " + ModelHelp + "\n\nExamples:\n" +
            "  descent plot validation-curve --param alpha --data diabetes --standardize --out alpha.svg\n" +
            "  descent plot validation-curve lasso --param alpha --values 0.01,0.1,1,10 --data diabetes --out lasso.svg\n" +
            "  descent plot validation-curve --param degree --values 1,2,3,4,5,6 --data food_truck --out degree.svg\n" +
            "  descent plot validation-curve linear --solver gd --epochs 50 --standardize --param learning-rate --data house_prices --out rates.svg",
            ValidationCurveSetup, takesModelArgument: true),
        new("bias-variance",
            "The bias–variance decomposition of a regressor's squared error against one hyper-parameter (--param, default degree, " +
            "over --values): the rows are split (--test-size, default 0.25), MODEL is refitted on --resamples (default 50) bootstrap " +
            "samples of the training rows for each value, and bias², variance and their sum, the measured test error, are drawn. " +
            "Without the truth the noise cannot be told apart from the bias: here bias² includes it. " + ModelHelp + "\n\nExamples:\n" +
            "  descent plot bias-variance --data food_truck --values 1,2,3,4,5,6,8 --out bias-variance.svg\n" +
            "  descent plot bias-variance tree-regressor --param max-depth --values 1,2,3,4,6,8 --data diabetes --out bv.svg",
            BiasVarianceSetup, takesModelArgument: true),
        new("regularization-path",
            "Every coefficient of the lasso (--l1-ratio 1, the default) or elastic net (--l1-ratio below 1) against α on a log " +
            "axis, α from large (all coefficients zero) to small. --alphas gives the grid; by default 100 values from the " +
            "smallest α that zeroes every coefficient down to 1/1000 of it. Add --standardize so the coefficients compare.\n\nExamples:\n" +
            "  descent plot regularization-path --data diabetes --standardize --out path.svg\n" +
            "  descent plot regularization-path --data diabetes --standardize --l1-ratio 0.5 --alphas 0.01,0.1,1,10 --out path.svg",
            RegularizationPathSetup),
        new("polynomial-fits",
            "Polynomials of several --degrees (default 1,3,9) fitted by least squares (features standardized) to one feature of " +
            "--data, drawn over the training points, with the held-out points (--test-size, default 0.25) in another colour: " +
            "underfitting and overfitting in one picture.\n\nExamples:\n" +
            "  descent plot polynomial-fits --data food_truck --degrees 1,2,5 --out fits.svg\n" +
            "  descent plot polynomial-fits --data diabetes --features bmi --out fits.svg",
            PolynomialFitsSetup),
        new("activations",
            "The activation functions of neural networks and their derivatives: sigmoid, tanh, ReLU and leaky ReLU " +
            "(--leaky-slope, default 0.1), over z in [--z-min, --z-max] (default -5..5).\n\nExamples:\n" +
            "  descent plot activations --out activations.svg",
            ActivationsSetup),
    ];

    private static PlotSetup LearningCurveSetup()
    {
        var trained = new TrainedModels();
        var sizes = TrainedModels.NumberList("--train-sizes",
            "Training-set sizes: fractions of a training fold in (0, 1], or row counts (default 0.1,0.325,0.55,0.775,1).");
        return new PlotSetup([.. trained.Options, sizes], parse =>
        {
            Dataset data = trained.LoadData(parse);
            ModelEntry entry = TrainedModels.Entry(parse, DefaultModel(data, "linear", "logistic"));
            Estimator estimator = trained.Create(parse, entry);
            IReadOnlyList<SplitSize>? chosen = TrainedModels.Numbers(parse, sizes)?.Select(s => s <= 1 ? SplitSize.Fraction(s) : SplitSize.Count(ParameterSweep.CountOf(s, "--train-sizes"))).ToArray();
            var result = estimator.LearningCurve(trained.Preprocessing(parse, data.FeatureCount), data.Features, data, chosen,
                CrossValidator(estimator, trained, parse));
            return ModelFigures.LearningCurve(result, ErrorLabel(estimator), $"Learning curve of {entry.Name} on {Name(data)}");
        });
    }

    private static PlotSetup ValidationCurveSetup()
    {
        var trained = new TrainedModels();
        var sweep = new ParameterSweep(required: true);
        return new PlotSetup([.. trained.Options, .. sweep.Options], parse =>
        {
            Dataset data = trained.LoadData(parse);
            var (entry, name, points) = sweep.Resolve(parse, trained, data);
            var scores = points.Select(p => p.Estimator.CrossValidate(p.Preprocessing, data.Features, data, CrossValidator(p.Estimator, trained, parse)))
                .ToArray();
            double[] grid = points.Select(p => p.Value).ToArray();
            bool logX = name is "alpha" or "c" or "learning-rate" && grid.All(v => v > 0);
            return Plotting.Figures.ValidationCurve(grid, scores.Select(s => s.MeanTrainScore).ToArray(),
                scores.Select(s => s.MeanTestScore).ToArray(), name, logX, scores.Select(s => s.StandardDeviationTrainScore).ToArray(),
                scores.Select(s => s.StandardDeviationTestScore).ToArray(), ErrorLabel(points[^1].Estimator), $"Validation curve of {entry.Name} on {Name(data)}");
        });
    }

    private static PlotSetup BiasVarianceSetup()
    {
        var trained = new TrainedModels();
        var sweep = new ParameterSweep(required: false, defaultName: "degree");
        var resamples = CommonOptions.Int("--resamples", "Bootstrap training sets per value.", 50, min: 2, max: 10_000);
        var testSize = CommonOptions.Double("--test-size", "The fraction of rows held out to measure the error on.", 0.25, 0, 1,
            minExclusive: true, maxExclusive: true);
        return new PlotSetup([.. trained.Options, .. sweep.Options, resamples, testSize], parse =>
        {
            Dataset data = trained.LoadData(parse);
            var (entry, name, points) = sweep.Resolve(parse, trained, data);
            if (points[0].Estimator.IsClassifier)
                throw new CliUsageException(
                    $"plot bias-variance decomposes the squared error of a regressor, but MODEL {entry.Name} is a classifier; choose a regressor (linear, ridge, tree-regressor, ...).");
            var (train, test) = DatasetRows.Split(data, parse.GetValue(testSize), stratify: false, trained.Seed(parse));
            var results = points.Select(p => (p.Value, p.Estimator.BiasVariance(p.Preprocessing, train, test, parse.GetValue(resamples), trained.Seed(parse))))
                .ToArray();
            return ModelFigures.BiasVariance(results, name, $"Bias² + variance of {entry.Name} on {Name(data)} ({parse.GetValue(resamples)} bootstrap sets)");
        });
    }

    private static PlotSetup RegularizationPathSetup()
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var features = CommonOptions.Features();
        var standardize = new Option<bool>("--standardize") { Description = "Scale every feature to mean 0 and standard deviation 1 first." };
        var ratio = CommonOptions.Double("--l1-ratio", "The L1 share of the penalty: 1 the lasso, below 1 the elastic net.", 1.0, 0, 1,
            minExclusive: true);
        var alphas = TrainedModels.NumberList("--alphas", "The α grid (default: 100 values, log-spaced, from the α that zeroes every coefficient).");
        return new PlotSetup([data, target, features, standardize, ratio, alphas], parse =>
        {
            Dataset rows = DataSource.Load(parse.GetValue(data)!, parse.GetValue(target), parse.GetValue(features));
            double[] y = rows.RequireNumericTarget();
            var x = parse.GetValue(standardize) ? new Preprocessing.StandardScaler().Fit(rows.Features).Transform(rows.Features) : rows.Features;
            double[]? grid = TrainedModels.Numbers(parse, alphas);
            if (grid is not null && grid.Any(a => a < 0))
                throw new CliUsageException("--alphas must all be >= 0.");
            var path = new RegularizationPath { L1Ratio = parse.GetValue(ratio), Alphas = grid?.OrderDescending().ToArray() }.Compute(x, y);
            double l1 = parse.GetValue(ratio);
            string model = l1 == 1 ? "Lasso" : string.Create(CultureInfo.InvariantCulture, $"Elastic net (l1 ratio {l1})");
            return ModelFigures.RegularizationPath(path, rows.FeatureNames, $"{model} regularization path on {Name(rows)}");
        });
    }

    private static PlotSetup PolynomialFitsSetup()
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target();
        var features = CommonOptions.Features();
        var degrees = TrainedModels.NumberList("--degrees", "The polynomial degrees to fit (default 1,3,9).", "1,3,9");
        var testSize = CommonOptions.Double("--test-size", "The fraction of rows held out and drawn as test points (0 for none).", 0.25, 0, 1,
            maxExclusive: true);
        var seed = CommonOptions.Seed();
        return new PlotSetup([data, target, features, degrees, testSize, seed], parse =>
        {
            Dataset rows = DataSource.Load(parse.GetValue(data)!, parse.GetValue(target), parse.GetValue(features));
            if (rows.FeatureCount != 1)
                throw new CliUsageException(
                    $"plot polynomial-fits draws one feature, but {Name(rows)} has {rows.FeatureCount} ({string.Join(", ", rows.FeatureNames.Take(5))}" +
                    $"{(rows.FeatureCount > 5 ? ", ..." : "")}); choose one with --features COLUMN.");
            rows.RequireNumericTarget();
            int[] chosen = (TrainedModels.Numbers(parse, degrees) ?? [1, 3, 9]).Select(d => ParameterSweep.CountOf(d, "--degrees")).ToArray();
            double size = parse.GetValue(testSize);
            var (train, test) = size > 0 ? DatasetRows.Split(rows, size, stratify: false, parse.GetValue(seed)) : (rows, null);
            double[] yTrain = train.RequireNumericTarget();
            var fits = chosen.Select(d =>
            {
                var model = PolynomialRegressionChapter.Polynomial(d).Fit(train.Features, yTrain);
                return (d, (Func<double, double>)(v => model.Predict(Numerics.Matrix.FromRows([[v]]))[0]));
            }).ToArray();
            return Plotting.Figures.PolynomialFits(train.Features.Column(0).ToArray(), yTrain, fits, test?.Features.Column(0).ToArray(),
                test?.RequireNumericTarget(), rows.FeatureNames[0], rows.TargetName ?? "y");
        });
    }

    private static PlotSetup ActivationsSetup()
    {
        var slope = CommonOptions.Double("--leaky-slope", "The slope of leaky ReLU for z < 0.", 0.1, 0, 1);
        var zMin = CommonOptions.Double("--z-min", "The left end of the z axis.", -5);
        var zMax = CommonOptions.Double("--z-max", "The right end of the z axis.", 5);
        return new PlotSetup([slope, zMin, zMax], parse =>
        {
            double low = parse.GetValue(zMin), high = parse.GetValue(zMax);
            if (!(high > low))
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--z-min ({low}) must be below --z-max ({high})."));
            return Plotting.Figures.Activations(parse.GetValue(slope), low, high);
        });
    }

    private static ICrossValidator CrossValidator(Estimator estimator, TrainedModels trained, ParseResult parse) =>
        estimator.IsClassifier
            ? new StratifiedKFold(trained.Folds(parse)) { Shuffle = true, Seed = trained.Seed(parse) }
            : new KFold(trained.Folds(parse)) { Shuffle = true, Seed = trained.Seed(parse) };

    /// <summary>
    /// <paramref name="classifier"/> when the target looks like class labels (text, or at most 20 distinct whole
    /// numbers), else <paramref name="regressor"/>.
    /// </summary>
    internal static string DefaultModel(Dataset data, string regressor, string classifier) =>
        data.Target is not { } values || LooksLikeClassLabels(values) ? classifier : regressor;

    /// <summary>True when numeric targets look like class labels: at most 20 distinct whole numbers.</summary>
    internal static bool LooksLikeClassLabels(IReadOnlyList<double> values) =>
        values.All(v => v == Math.Floor(v)) && values.Distinct().Count() <= 20;

    private static string ErrorLabel(Estimator estimator) => estimator.IsClassifier ? "Misclassification rate" : "Mean squared error";

    private static string Name(Dataset data) => Path.GetFileName(data.Source ?? "the data");
}
