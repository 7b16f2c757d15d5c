using System.CommandLine;
using Descent.Cli.Commands;
using Descent.Plotting.Models;
using Descent.Cli.Infrastructure;
using Descent.Linear;
using Descent.Plotting;
using Descent.Preprocessing;

namespace Descent.Cli.Plots;

/// <summary>
/// The plot kinds that draw a fitted model read from <c>--model</c>: its cost surface and descent path, its loss
/// curve, its fit over one feature, its decision boundary over two, and (in <see cref="EvaluationPlots"/> and
/// <see cref="TreePlots"/>) its ROC, precision-recall and confusion matrix on data, and its tree.
/// </summary>
internal static class ModelPlots
{
    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("cost-surface",
            "The cost J(θ₀, θ₁) = 1/(2m)·Σ(θ₀ + θ₁x − y)² of univariate linear regression on --data as filled contours, with the " +
            "path gradient descent took down it. Needs a linear model fitted by gradient descent on one feature (it records its " +
            "(θ₀, θ₁) path).\n\nExamples:\n" +
            "  descent fit linear --solver gd --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot cost-surface --model truck.json --data food_truck --out cost.svg",
            WithData, (p, o) => CostSurface(p, o)),
        new("cost-surface-3d",
            "The same cost J(θ₀, θ₁) as a shaded surface in 3-D with the descent path drawn on it (each step at its height " +
            "J), beside the contours seen from above. Needs a linear model fitted by gradient descent on one feature.\n\nExamples:\n" +
            "  descent fit linear --solver gd --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot cost-surface-3d --model truck.json --data food_truck --out surface.svg",
            WithData, (p, o) => CostSurface3D(p, o)),
        new("gd-path",
            "The data of a univariate linear regression with the line at several steps of gradient descent: the line slowly " +
            "aligning with the data. Needs a linear model fitted by gradient descent on one feature.\n\nExamples:\n" +
            "  descent fit linear --solver gd --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot gd-path --model truck.json --data food_truck --out path.svg",
            WithData, (p, o) => GradientDescentPath(p, o)),
        new("loss-curve",
            "The cost recorded at each iteration of an iteratively fitted model (linear by gd/sgd/minibatch, lasso, elasticnet, " +
            "logistic, softmax, perceptron). --log-y draws the cost on a log axis.\n\nExamples:\n" +
            "  descent fit linear --solver gd --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot loss-curve --model truck.json --log-y --out loss.svg",
            () => [ModelInputs.ModelOption(), new Option<bool>("--log-y") { Description = "Draw the cost on a log scale." }],
            (p, o) => LossCurve(p, o)),
        new("regression-line",
            "A regressor of one feature drawn over --data: the points and the model's prediction as a line or curve (with its " +
            "--degree and --standardize preprocessing).\n\nExamples:\n" +
            "  descent fit linear --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot regression-line --model truck.json --data food_truck --out line.svg",
            WithData, (p, o) => RegressionLine(p, o)),
        new("regression-plane",
            "A regressor of two features drawn in 3-D over --data: every row at (feature 1, feature 2, target), the model's " +
            "plane (or surface, with --degree) over them, and each residual as a stick from the plane to the point.\n\nExamples:\n" +
            "  descent fit linear --data house_prices --target price --out house.json\n" +
            "  descent plot regression-plane --model house.json --data house_prices --out plane.svg",
            WithData, (p, o) => RegressionPlane(p, o)),
        new("decision-boundary",
            "A classifier of two features drawn over --data: for two classes the probability of the second shaded with the " +
            "P = 0.5 boundary, for more the region each class wins. The grid is in the raw feature space; the model's saved " +
            "preprocessing is applied to each point.\n\nExamples:\n" +
            "  descent fit logistic --data exam_scores --target admitted --out exam.json\n" +
            "  descent plot decision-boundary --model exam.json --data exam_scores --out boundary.svg\n" +
            "  descent fit tree-classifier --data iris --target species --features petal_length_cm,petal_width_cm --out iris.json\n" +
            "  descent plot decision-boundary --model iris.json --data iris --out regions.svg",
            WithData, (p, o) => DecisionBoundary(p, o)),
        .. EvaluationPlots.Kinds,
        .. TreePlots.Kinds,
    ];

    /// <summary>--model, --data, --target: the options of a kind that draws a model over data.</summary>
    public static IReadOnlyList<Option> WithData() =>
        [ModelInputs.ModelOption(), ModelInputs.DataOption(), CommonOptions.Target("Default: the target the model was fitted on.")];

    private static (LinearModel Model, double[] X, double[] Y, ModelInputs Inputs) UnivariateGd(ParseResult parse, IReadOnlyList<Option> options,
        string kind)
    {
        var inputs = ModelInputs.Load(parse, options, kind, "the training data the descent ran on");
        string how = $"fit one with 'descent fit linear --solver gd --data X --target COL --features ONE_COLUMN --out model.json'.";
        if (inputs.Model.Model is not LinearModel linear || inputs.Model.Classifier is not null)
            throw new CliUsageException($"plot {kind} draws univariate linear regression, but '{inputs.ModelPath}' holds a {inputs.Kind} model; {how}");
        if (linear.FeatureCount != 1)
            throw new CliUsageException(
                $"plot {kind} needs a model of one feature, but '{inputs.ModelPath}' has {linear.FeatureCount} " +
                $"({string.Join(", ", inputs.Model.FeatureNames)}); {how}");
        if (linear.History.ParameterPath is not { Count: > 0 } path || path[0].Length != 2)
            throw new CliUsageException(
                $"plot {kind} needs the (θ₀, θ₁) path of gradient descent, but '{inputs.ModelPath}' was fitted in closed form; {how}");
        return (linear, inputs.Prepared!.Column(0).ToArray(), inputs.NumericTarget, inputs);
    }

    private static Figure CostSurface(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (model, x, y, inputs) = UnivariateGd(parse, options, "cost-surface");
        string feature = inputs.Model.FeatureNames[0] + (inputs.Model.Preprocessing.Count > 0 ? " (preprocessed)" : "");
        var figure = ModelFigures.CostSurface(model, x, y, feature);
        figure.Axes.Title = $"Gradient descent on J(θ₀, θ₁): {Steps(model.History.ParameterPath!.Count - 1)}";
        return figure;
    }

    private static Figure CostSurface3D(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (model, x, y, inputs) = UnivariateGd(parse, options, "cost-surface-3d");
        return CostSurface3D(model, x, y, inputs);
    }

    /// <summary>The 3-D cost surface and contours of a one-feature gradient-descent model over its prepared training feature.</summary>
    public static Figure CostSurface3D(LinearModel model, double[] x, double[] y, ModelInputs inputs) =>
        ModelFigures.CostSurface3D(model, x, y, inputs.Model.FeatureNames[0] + (inputs.Model.Preprocessing.Count > 0 ? " (preprocessed)" : ""));

    private static Figure GradientDescentPath(ParseResult parse, IReadOnlyList<Option> options)
    {
        var (model, _, y, inputs) = UnivariateGd(parse, options, "gd-path");
        var path = model.History.ParameterPath!;
        double[] raw = inputs.Data!.Features.Column(0).ToArray();
        // The prepared feature is an affine function of the raw one (at most standardized): draw lines over raw x.
        var steps = PathSteps(path.Count);
        var fits = steps.Select(k =>
        {
            double t0 = path[k][0], t1 = path[k][1];
            Func<double, double> line = v => t0 + t1 * inputs.Prepare([v])[0, 0];
            return ($"{(k == 0 ? "start" : "after " + Steps(k))}: θ = ({Ticks.Significant(t0, 3)}, {Ticks.Significant(t1, 3)})", line);
        }).ToArray();
        return Plotting.Figures.RegressionLines(raw, y, fits, inputs.Model.FeatureNames[0], inputs.Data.TargetName ?? "y",
            $"Gradient descent: the line at the start and after {string.Join(", ", steps.Where(s => s > 0))} steps");
    }

    /// <summary>"1 step", "1500 steps": a path of n + 1 parameter vectors is n steps.</summary>
    private static string Steps(int count) => count == 1 ? "1 step" : $"{count} steps";

    /// <summary>Up to six steps of a path of <paramref name="count"/>, spaced geometrically: 1, 3, 10, … and the last.</summary>
    private static int[] PathSteps(int count)
    {
        var steps = new SortedSet<int> { 0, count - 1 };
        for (int k = 1; k < 5; k++)
            steps.Add((int)Math.Round(Math.Pow(count - 1, k / 5.0)));
        return steps.Where(s => s >= 0 && s < count).ToArray();
    }

    private static Figure LossCurve(ParseResult parse, IReadOnlyList<Option> options)
    {
        var inputs = ModelInputs.Load(parse, options, "loss-curve", null);
        FitHistory? history = History(inputs.Model.Model);
        if (history is null || history.Costs.Count == 0)
            throw new CliUsageException(
                $"plot loss-curve needs a model fitted iteratively, but '{inputs.ModelPath}' ({inputs.Kind}) recorded no cost per " +
                "iteration; fit e.g. 'linear --solver gd', lasso, logistic or perceptron.");
        bool logY = parse.GetValue((Option<bool>)options[1]);
        if (logY && history.Costs.Any(c => !(c > 0)))
            throw new CliUsageException("plot loss-curve --log-y: the cost reaches 0 or below; drop --log-y.");
        return Plotting.Figures.LossCurve(history.Costs, logY, title: $"Cost during training ({inputs.Kind}, {history.Costs.Count} iterations)");
    }

    /// <summary>The cost per iteration an iteratively fitted model recorded, or null for a model that records none.</summary>
    public static FitHistory? History(object model) => (model as IIterativeModel)?.History;

    private static Figure RegressionLine(ParseResult parse, IReadOnlyList<Option> options) =>
        RegressionLine(ModelInputs.Load(parse, options, "regression-line", "the points to draw the model over"));

    /// <summary>A regressor of one feature over the data: points and the prediction as a line or curve.</summary>
    public static Figure RegressionLine(ModelInputs inputs)
    {
        var regressor = inputs.RequireRegressor("regression-line");
        if (inputs.Model.FeatureNames.Count != 1)
            throw new CliUsageException(
                $"plot regression-line draws a model of one feature, but '{inputs.ModelPath}' has {inputs.Model.FeatureNames.Count} " +
                $"({string.Join(", ", inputs.Model.FeatureNames)}); fit it with --features ONE_COLUMN.");
        double[] x = inputs.Data!.Features.Column(0).ToArray();
        string label = inputs.Model.Model is LinearModel linear && inputs.Model.Preprocessing.Count == 0
            ? $"ŷ = {Ticks.Significant(linear.Intercept, 4)} + {Ticks.Significant(linear.Coefficients[0], 4)}·x"
            : $"{inputs.Kind} prediction";
        return Plotting.Figures.RegressionLine(x, inputs.NumericTarget, v => regressor.Predict(inputs.Prepare([v]))[0],
            inputs.Model.FeatureNames[0], inputs.Data.TargetName ?? "y", label, $"{inputs.Kind} fit on {inputs.Data.Rows} points");
    }

    private static Figure RegressionPlane(ParseResult parse, IReadOnlyList<Option> options) =>
        RegressionPlane(ModelInputs.Load(parse, options, "regression-plane", "the points to draw the model over"));

    /// <summary>A regressor of two raw features in 3-D: the points, the model's plane over them, the residuals.</summary>
    public static Figure RegressionPlane(ModelInputs inputs)
    {
        var regressor = inputs.RequireRegressor("regression-plane");
        var names = inputs.Model.FeatureNames;
        if (names.Count != 2)
            throw new CliUsageException(
                $"plot regression-plane draws a regressor of two features, but '{inputs.ModelPath}' has {names.Count} " +
                $"({string.Join(", ", names)}); fit it with --features a,b.");
        // the plane is drawn over the raw features: the saved preprocessing goes in front of the model
        IRegressionModel drawn = inputs.Model.Preprocessing.Count == 0
            ? regressor
            : new RegressionPipelineModel<IRegressionModel>(new FittedPipeline(inputs.Model.Preprocessing, names.Count), regressor);
        return ModelFigures.RegressionPlane(drawn, inputs.Data!.Features, inputs.NumericTarget, names, inputs.Data.TargetName ?? "y",
            $"{inputs.Kind} on {inputs.Data.Rows} rows: fitted plane and residuals");
    }

    private static Figure DecisionBoundary(ParseResult parse, IReadOnlyList<Option> options) =>
        DecisionBoundary(ModelInputs.Load(parse, options, "decision-boundary", "the points to scatter over the boundary"));

    /// <summary>A classifier of two raw features over the data: probability shading and boundary, or class regions.</summary>
    public static Figure DecisionBoundary(ModelInputs inputs)
    {
        var classifier = inputs.RequireClassifier("decision-boundary");
        var names = inputs.Model.FeatureNames;
        if (names.Count != 2)
            throw new CliUsageException(
                $"plot decision-boundary draws a classifier of two features, but '{inputs.ModelPath}' has {names.Count} " +
                $"({string.Join(", ", names)}); fit it with --features a,b.");
        int[] classes = inputs.ClassIndices();
        string[] classNames = classifier.Classes.Select(c => c.Text).ToArray();
        double[] x1 = inputs.Data!.Features.Column(0).ToArray(), x2 = inputs.Data.Features.Column(1).ToArray();
        double[] Scores(double a, double b) => ModelFigures.ClassScores(classifier, inputs.Prepare([a, b])).Row(0).ToArray();
        bool probability = classNames.Length == 2 && classifier is not PerceptronModel;
        string title = $"{inputs.Kind}: decision {(probability ? "boundary" : "regions")}";
        int[] predicted = classifier.PredictClassIndices(inputs.Prepared!);
        return probability
            ? Plotting.Figures.DecisionBoundary(x1, x2, classes, classNames, (a, b) => Scores(a, b)[1], names[0], names[1], title: title, predicted: predicted)
            : Plotting.Figures.DecisionRegions(x1, x2, classes, classNames, Scores, names[0], names[1], title: title, predicted: predicted);
    }
}
