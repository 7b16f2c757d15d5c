using System.Globalization;
using System.Text.Json;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Preprocessing;
using Descent.Trees;
using Descent.Trees.Criteria;

namespace Descent.Tests.Cli;

/// <summary>
/// <c>fit</c> → <c>predict</c> → <c>evaluate</c> through the real program for every model of the catalogue, on the
/// embedded datasets with fast settings: the options reach the estimator (the saved model predicts exactly as the same
/// estimator fitted in this process), predict writes the model's predictions and probabilities in shortest
/// round-trip form, and evaluate's JSON has exactly the contract's keys with the library metrics' values.
/// </summary>
public class FitPredictEvaluateTests
{
    /// <summary>How to fit one catalogue model fast: dataset, target, options, preprocessing, and the same fit in the library.</summary>
    internal sealed record Case(string Dataset, string Target, string[] Options, bool Standardize, int? Degree, Func<Matrix<double>, Dataset, object> Fit);

    private static object Regress<T>(IRegressor<T> r, Matrix<double> x, Dataset d) where T : IRegressionModel => r.Fit(x, d.RequireNumericTarget());

    private static object Classify<T>(IClassifier<T> c, Matrix<double> x, Dataset d) where T : IClassificationModel => c.Fit(x, d.RequireClassLabels());

    internal static readonly Dictionary<string, Case> Cases = new()
    {
        ["linear"] = new("food_truck", "profit_10k_usd", ["--solver", "gd", "--learning-rate", "0.02", "--epochs", "200"], false, null,
            (x, d) => Regress(new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.02, Epochs = 200 }, x, d)),
        ["ridge"] = new("diabetes", "progression", ["--alpha", "0.5"], true, null, (x, d) => Regress(new Ridge { Alpha = 0.5 }, x, d)),
        ["lasso"] = new("diabetes", "progression", ["--alpha", "0.1", "--max-iter", "500"], true, null,
            (x, d) => Regress(new Lasso { Alpha = 0.1, MaxIterations = 500 }, x, d)),
        ["elasticnet"] = new("diabetes", "progression", ["--alpha", "0.1", "--l1-ratio", "0.3", "--tol", "1e-6"], true, null,
            (x, d) => Regress(new ElasticNet { Alpha = 0.1, L1Ratio = 0.3, Tolerance = 1e-6 }, x, d)),
        ["logistic"] = new("exam_scores", "admitted", ["--c", "0.5"], true, 2, (x, d) => Classify(new LogisticRegression { C = 0.5 }, x, d)),
        ["softmax"] = new("iris", "species", ["--solver", "newton", "--max-iter", "50"], true, null,
            (x, d) => Classify(new SoftmaxRegression { Solver = LogisticSolver.Newton, MaxIterations = 50 }, x, d)),
        ["perceptron"] = new("wine", "cultivar", ["--epochs", "20", "--seed", "4"], true, null,
            (x, d) => Classify(new Perceptron { MaxIterations = 20, Seed = 4 }, x, d)),
        ["tree-classifier"] = new("iris", "species", ["--max-depth", "3", "--criterion", "entropy"], false, null,
            (x, d) => Classify(new DecisionTreeClassifier { MaxDepth = 3, Criterion = SplitCriteria.Entropy }, x, d)),
        ["tree-regressor"] = new("diabetes", "progression", ["--max-depth", "4", "--min-samples-leaf", "5", "--seed", "3"], false, null,
            (x, d) => Regress(new DecisionTreeRegressor { MaxDepth = 4, MinSamplesLeaf = 5, Seed = 3 }, x, d)),
        ["forest-classifier"] = new("wine", "cultivar", ["--n-estimators", "10", "--max-depth", "4", "--seed", "2"], false, null,
            (x, d) => Classify(new RandomForestClassifier { TreeCount = 10, MaxDepth = 4, Seed = 2 }, x, d)),
        ["forest-regressor"] = new("diabetes", "progression",
            ["--n-estimators", "5", "--max-depth", "3", "--bootstrap", "false", "--max-features", "0.5", "--threads", "1"], false, null,
            (x, d) => Regress(new RandomForestRegressor { TreeCount = 5, MaxDepth = 3, Bootstrap = false, MaxFeatures = 0.5 }, x, d)),
        ["mlp-classifier"] = new("iris", "species",
            ["--hidden", "8,4", "--activation", "tanh", "--learning-rate", "0.01", "--epochs", "40", "--batch-size", "32", "--seed", "3"], true, null,
            (x, d) => Classify(new MlpClassifier
            {
                HiddenLayerSizes = [8, 4], Activation = MlpActivation.Tanh, LearningRate = 0.01, MaxIterations = 40, BatchSize = 32, Seed = 3,
            }, x, d)),
        ["mlp-regressor"] = new("diabetes", "progression",
            ["--hidden", "6", "--optimizer", "momentum", "--learning-rate", "0.001", "--epochs", "15", "--alpha", "0.01", "--early-stopping",
             "--validation-fraction", "0.2", "--seed", "5"], true, null,
            (x, d) => Regress(new MlpRegressor
            {
                HiddenLayerSizes = [6], Solver = MlpSolver.Sgd, Momentum = 0.9, LearningRate = 0.001, MaxIterations = 15, Alpha = 0.01,
                EarlyStopping = true, ValidationFraction = 0.2, Seed = 5,
            }, x, d)),
    };

    public static TheoryData<string> Models() => new(Cases.Keys);

    [Fact]
    public void EveryCatalogueModel_HasARoundTripCase()
    {
        Assert.Equal(Descent.Cli.Models.ModelCatalog.All.Select(e => e.Name).Order(), Cases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void FitPredictEvaluate_AgreeWithTheLibrary(string model)
    {
        Case c = Cases[model];
        using var scratch = new ScratchDirectory();
        var args = new List<string> { "fit", model, "--data", c.Dataset, "--target", c.Target, "--out", "model.json", "--quiet" };
        args.AddRange(c.Options);
        if (c.Standardize)
            args.Add("--standardize");
        if (c.Degree is int degree)
            args.AddRange(["--degree", degree.ToString(CultureInfo.InvariantCulture)]);
        var fit = CliProcess.Run(scratch.Path, [.. args]);
        Assert.True(fit.ExitCode == 0 && fit.Stdout == "" && fit.Stderr == "", fit.ToString());

        // The same estimator fitted here, on the same preprocessing, predicts exactly as the saved model.
        var data = Datasets.Load(c.Dataset, new CsvReadOptions { Target = c.Target });
        var steps = new List<ITransformer<IFittedTransformer>>();
        if (c.Degree is int d)
            steps.Add(new PolynomialFeatures { Degree = d, IncludeBias = false });
        if (c.Standardize)
            steps.Add(new StandardScaler());
        var pipeline = new Pipeline([.. steps]).FitTransform(data.Features, out var x);
        object expected = c.Fit(x, data);
        var saved = ModelFile.Load(Path.Combine(scratch.Path, "model.json"));
        Assert.Equal(expected.GetType(), saved.Model.GetType());
        Assert.Equal(data.FeatureNames, saved.FeatureNames);
        Assert.Equal(c.Target, saved.TargetName);
        var prepared = saved.Prepare(data.Features);
        Assert.Equal(x.ToArray(), prepared.ToArray());
        Assert.Equal(pipeline.Steps.Count, saved.Preprocessing.Count);

        bool proba = expected is IClassificationModel and not PerceptronModel;
        var predict = CliProcess.Run(scratch.Path, ["predict", "--model", "model.json", "--data", c.Dataset, .. (proba ? new[] { "--proba" } : [])]);
        Assert.True(predict.ExitCode == 0 && predict.Stderr == "", predict.ToString());
        string[] lines = predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(data.Rows + 1, lines.Length);
        if (expected is IRegressionModel regressor)
        {
            Assert.Equal("prediction", lines[0]);
            Assert.Equal(regressor.Predict(x).Select(Number), lines[1..]);
            var evaluate = Evaluate(scratch, c);
            double[] y = data.RequireNumericTarget(), yHat = regressor.Predict(x);
            Assert.Equal(["mse", "rmse", "mae", "r2"], evaluate.EnumerateObject().Select(p => p.Name));
            Assert.Equal(RegressionMetrics.MeanSquaredError(y, yHat), evaluate.GetProperty("mse").GetDouble());
            Assert.Equal(RegressionMetrics.RootMeanSquaredError(y, yHat), evaluate.GetProperty("rmse").GetDouble());
            Assert.Equal(RegressionMetrics.MeanAbsoluteError(y, yHat), evaluate.GetProperty("mae").GetDouble());
            Assert.Equal(RegressionMetrics.R2Score(y, yHat), evaluate.GetProperty("r2").GetDouble());
        }
        else
        {
            var classifier = (IClassificationModel)expected;
            var classes = classifier.Classes;
            int[] predicted = classifier.PredictClassIndices(x);
            var p = proba ? classifier.PredictProbabilities(x) : null;
            Assert.Equal(string.Join(',', ["prediction", .. proba ? classes.Select(l => "p_" + l.Text) : []]), lines[0]);
            for (int i = 0; i < predicted.Length; i++)
            {
                var cells = new List<string> { classes[predicted[i]].Text };
                if (p is not null)
                    cells.AddRange(Enumerable.Range(0, classes.Count).Select(k => Number(p[i, k])));
                Assert.Equal(string.Join(',', cells), lines[i + 1]);
            }
            var evaluate = Evaluate(scratch, c);
            Assert.Equal(["accuracy", "precision", "recall", "f1", "log_loss", "roc_auc", "confusion_matrix", "classes"],
                evaluate.EnumerateObject().Select(e => e.Name));
            var truth = data.TargetLabels!.Select(t => new Label(t)).ToArray();
            var guessed = predicted.Select(k => classes[k]).ToArray();
            Assert.Equal(ClassificationMetrics.Accuracy(truth, guessed), evaluate.GetProperty("accuracy").GetDouble());
            var average = classes.Count == 2 ? Average.Binary : Average.Macro;
            var positive = classes.Count == 2 ? new Optional<Label>(classes[1]) : default;
            Assert.Equal(ClassificationMetrics.Precision(truth, guessed, average, posLabel: positive).Value, evaluate.GetProperty("precision").GetDouble());
            Assert.Equal(ClassificationMetrics.Recall(truth, guessed, average, posLabel: positive).Value, evaluate.GetProperty("recall").GetDouble());
            Assert.Equal(ClassificationMetrics.F1(truth, guessed, average, posLabel: positive).Value, evaluate.GetProperty("f1").GetDouble());
            if (p is not null)
                Assert.Equal(ProbabilityMetrics.LogLoss(truth, p, classes), evaluate.GetProperty("log_loss").GetDouble());
            else
                Assert.Equal(JsonValueKind.Null, evaluate.GetProperty("log_loss").ValueKind);
            Assert.Equal(ClassificationMetrics.ConfusionMatrix(truth, guessed, classes).ToCounts(),
                evaluate.GetProperty("confusion_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray());
            // The embedded datasets' labels are numbers: written as JSON numbers, exactly as in the data.
            Assert.Equal(classes.Select(l => l.Text), evaluate.GetProperty("classes").EnumerateArray().Select(v => v.GetRawText()));
            Assert.All(evaluate.GetProperty("classes").EnumerateArray(), v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        }
    }

    private static JsonElement Evaluate(ScratchDirectory scratch, Case c)
    {
        // The target defaults to the one saved in the model.
        var result = CliProcess.Run(scratch.Path, "evaluate", "--model", "model.json", "--data", c.Dataset, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return JsonDocument.Parse(lines[0]).RootElement.Clone();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void StringLabels_ComeBackAsWritten_AndFeaturesMatchByName()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(Path.Combine(scratch.Path, "train.csv"),
            "size,\"weight, kg\",kind\n1,2,\"big, red\"\n3,4,small\n5,6,\"big, red\"\n7,1,small\n2,2,small\n6,5,\"big, red\"\n");
        // Columns in another order, the target absent, an extra column ignored.
        File.WriteAllText(Path.Combine(scratch.Path, "new.csv"), "note,\"weight, kg\",size\nx,2,1\ny,4,3\n");
        var fit = CliProcess.Run(scratch.Path, "fit", "tree-classifier", "--data", "train.csv", "--target", "kind", "--out", "m.json");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        Assert.Contains("wrote m.json", fit.Stdout);
        var predict = CliProcess.Run(scratch.Path, "predict", "--model", "m.json", "--data", "new.csv", "--proba", "--out", "p.csv");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal("prediction,\"p_big, red\",p_small\n\"big, red\",1,0\nsmall,0,1\n", File.ReadAllText(Path.Combine(scratch.Path, "p.csv")));
        var evaluate = CliProcess.Run(scratch.Path, "evaluate", "--model", "m.json", "--data", "train.csv", "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.EndsWith("\"confusion_matrix\":[[3,0],[0,3]],\"classes\":[\"big, red\",\"small\"]}\n", evaluate.Stdout);
        Assert.Equal(["m.json", "new.csv", "p.csv", "train.csv"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order());
    }
}
