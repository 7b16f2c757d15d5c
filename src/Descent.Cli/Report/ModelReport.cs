using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Descent.Cli.Commands;
using Descent.Plotting.Models;
using Descent.Cli.Models;
using Descent.Cli.Plots;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Persistence;
using Descent.Plotting;
using Descent.Preprocessing;
using Descent.Trees;

namespace Descent.Cli.Report;

/// <summary>
/// What <c>descent report</c> computes: a seeded split of the data (stratified for a classifier), the model fitted on
/// the training part through the catalogue, its metrics on the test part (the keys of <c>evaluate --json</c>, plus
/// the split and settings under other keys), and the figures that fit the model's kind, assembled into one
/// self-contained HTML report. Nothing depends on the clock or the machine: the same seed gives the same bytes.
/// </summary>
internal static class ModelReport
{
    /// <summary>The settings of one report.</summary>
    public sealed record Request(ModelEntry Entry, Estimator Estimator, Pipeline Preprocessing, Table Data, double TestSize, int Seed);

    /// <summary>index.html, the figures with their file names, metrics.json and the fitted model's JSON.</summary>
    public sealed record Result(string Html, IReadOnlyList<(string FileName, Figure Figure)> Figures, string MetricsJson, string ModelJson,
        string Summary);

    public static Result Build(Request request, ModelTraining.Result fitted, Table train, Table testTable, int[] testIndices)
    {
        SavedModel model = fitted.Model;
        int testRows = testTable.Rows;
        string dataName = Path.GetFileName(request.Data.Source ?? "data");
        var report = new HtmlReport($"{request.Entry.Name} on {dataName}",
            $"Written by 'descent report': the model was fitted on {train.Rows} rows and is judged on the {testRows} rows held out " +
            string.Create(CultureInfo.InvariantCulture, $"(test size {request.TestSize}, seed {request.Seed}{(request.Entry.IsClassifier ? ", stratified by class" : "")})."));
        var figures = new List<(string, Figure)>();
        void Add(ReportSection section, string name, Figure figure, string caption)
        {
            section.Figure(figure, caption);
            figures.Add((string.Create(CultureInfo.InvariantCulture, $"{figures.Count + 1:00}-{name}.svg"), figure));
        }

        var overview = report.AddSection("Model and data");
        overview.Paragraph(request.Entry.Description);
        overview.Table(["setting", "value"],
        [
            ["data", $"{dataName}: {request.Data.Rows} rows, {request.Data.Columns.Count} features"],
            ["target", request.Data.TargetName ?? ""],
            ["features", string.Join(", ", request.Data.ColumnNames)],
            ["preprocessing", model.Preprocessing.Count == 0 ? "none" : string.Join(", then ", model.Preprocessing.Select(Describe))],
            ["training rows", train.Rows.ToString(CultureInfo.InvariantCulture)],
            ["test rows", testRows.ToString(CultureInfo.InvariantCulture)],
            [$"training {fitted.ScoreName}", fitted.Score.ToString("0.####", CultureInfo.InvariantCulture)],
        ]);

        var inputs = ModelInputs.Of(model, request.Entry.Name, testTable);
        Dataset test = inputs.Data!;
        var metricsSection = report.AddSection("Metrics on the test rows");
        JsonObject metrics;
        string summary;
        if (model.Regressor is { } regressor)
        {
            double[] truth = test.RequireNumericTarget();
            double[] predicted = regressor.Predict(inputs.Prepared!);
            var evaluation = ModelEvaluation.Regression(truth, predicted);
            metrics = JsonNode.Parse(evaluation.ToJson())!.AsObject();
            metricsSection.Metrics([("MSE", evaluation.Mse), ("RMSE", evaluation.Rmse), ("MAE", evaluation.Mae), ("R²", evaluation.R2)]);
            summary = string.Create(CultureInfo.InvariantCulture, $"test r2 {evaluation.R2:G6}, rmse {evaluation.Rmse:G6}");
            string target = test.TargetName ?? "y";
            Add(metricsSection, "predicted-vs-actual", ModelFigures.PredictedVsActual(truth, predicted, target, $"Predicted against actual {target} on {test.Rows} test rows"),
                "Each test row's prediction against its true value; the closer to the dashed diagonal, the better.");
            Add(metricsSection, "residuals", ModelFigures.Residuals(truth, predicted, target, "Residuals on the test rows"),
                "The error y − ŷ of each test row against its prediction: a good model leaves no pattern, only noise around zero.");
            if (model.FeatureNames.Count == 1 && model.Columns is null)
                Add(metricsSection, "regression-line", ModelPlots.RegressionLine(inputs), "The model's prediction over the one feature, with the test rows.");
            if (model.FeatureNames.Count == 2 && model.Columns is null)
                Add(metricsSection, "regression-plane", ModelPlots.RegressionPlane(inputs),
                    "The model's prediction over its two features as a plane (or surface) in 3-D, the test rows as points and each residual as a stick.");
        }
        else
        {
            var classifier = model.Classifier!;
            var evaluation = EvaluateCommand.Classification(classifier, Targets.Labels(test), inputs.Prepared!);
            metrics = JsonNode.Parse(evaluation.ToJson())!.AsObject();
            metricsSection.Metrics(
            [
                ("accuracy", evaluation.Accuracy), ("precision", evaluation.Precision), ("recall", evaluation.Recall), ("F1", evaluation.F1),
                ("log loss", evaluation.LogLoss), ("ROC AUC", evaluation.RocAuc ?? double.NaN),
            ], classifier.Classes.Count == 2
                ? $"Precision, recall and F1 of the positive class '{classifier.Classes[1].Text}'"
                : "Precision, recall and F1 are macro averages over the classes; ROC AUC is one-vs-rest, macro averaged");
            foreach (string warning in evaluation.Warnings)
                metricsSection.Paragraph("Note: " + warning);
            summary = string.Create(CultureInfo.InvariantCulture, $"test accuracy {evaluation.Accuracy:G6}");
            ClassifierFigures(metricsSection, Add, inputs, classifier, test);
        }

        CoefficientsSection(report, model);
        ModelFiguresSection(report, Add, model, request, train, inputs);

        metrics["model"] = request.Entry.Name;
        metrics["data"] = dataName;
        metrics["target"] = request.Data.TargetName;
        metrics["test_size"] = request.TestSize;
        metrics["seed"] = request.Seed;
        metrics["train_rows"] = train.Rows;
        metrics["test_rows"] = test.Rows;
        metrics["training_" + (fitted.ScoreName == "R²" ? "r2" : fitted.ScoreName)] = fitted.Score;
        metrics["test_indices"] = new JsonArray(testIndices.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        if (fitted.Warning is not null)
            metrics["warning"] = fitted.Warning;
        string json = metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        return new Result(report.ToHtml(), figures, json, ModelFile.ToJson(model) + "\n", summary);
    }

    private static void ClassifierFigures(ReportSection section, Action<ReportSection, string, Figure, string> add, ModelInputs inputs,
        IClassificationModel classifier, Dataset test)
    {
        add(section, "confusion-matrix", EvaluationPlots.Confusion(inputs, normalize: false),
            "Rows are the true classes of the test rows, columns the predicted ones; the diagonal holds the correct predictions.");
        int[] truth = inputs.ClassIndices();
        var scores = ModelFigures.ClassScores(classifier, inputs.Prepared!);
        int classes = classifier.Classes.Count;
        int[] present = Enumerable.Range(0, classes).Where(k => truth.Contains(k) && truth.Any(t => t != k)).ToArray();
        if (classes == 2 && present.Contains(1))
        {
            add(section, "roc", EvaluationPlots.Roc(inputs, classifier, truth, scores, [1]),
                $"The ROC curve of the positive class '{classifier.Classes[1].Text}' over every threshold: the larger the area, the better the ranking.");
            add(section, "precision-recall", EvaluationPlots.PrecisionRecall(inputs, classifier, truth, scores, [1]),
                $"Precision against recall of the positive class '{classifier.Classes[1].Text}' over every threshold; the dotted line is chance.");
        }
        else if (classes > 2 && present.Length > 0)
        {
            add(section, "roc", EvaluationPlots.Roc(inputs, classifier, truth, scores, present),
                "One ROC curve per class, that class against all others (one-vs-rest).");
            add(section, "precision-recall", EvaluationPlots.PrecisionRecall(inputs, classifier, truth, scores, present),
                "One precision-recall curve per class against all others; each dashed line is the chance level of its class, its share of the test rows.");
        }
        if (inputs.Model.FeatureNames.Count == 2 && inputs.Model.Columns is null)
            add(section, "decision-boundary", ModelPlots.DecisionBoundary(inputs),
                $"The model over its two features with the {test.Rows} test rows: where it predicts each class.");
    }

    private static void ModelFiguresSection(HtmlReport report, Action<ReportSection, string, Figure, string> add, SavedModel model,
        Request request, Table train, ModelInputs inputs)
    {
        var section = report.AddSection("How the model learned");
        FitHistory? history = ModelPlots.History(model.Model);
        // Logistic and softmax record scikit-learn's objective, a sum over the rows: it is not the mean log loss of the metrics.
        bool summedObjective = request.Entry.Name is "logistic" or "softmax";
        if (history is { Costs.Count: > 1 })
            add(section, "loss-curve", Plotting.Figures.LossCurve(history.Costs, title: $"Cost during training ({history.Costs.Count} iterations)",
                    costLabel: summedObjective ? "Objective C·Σ log-loss + ‖w‖²/2" : "Cost J(θ)"),
                summedObjective
                    ? "The solver's objective after each iteration: C times the SUM of the rows' log losses plus ‖w‖²/2 (scikit-learn's), so it grows with the rows; the log loss among the metrics is the MEAN over the test rows."
                    : "The training cost after each iteration of the solver.");
        if (model.Model is LinearModel { History.ParameterPath: { Count: > 0 } path } linear && path[0].Length == 2)
        {
            var training = ModelInputs.Of(model, request.Entry.Name, train);
            add(section, "cost-surface-3d", ModelPlots.CostSurface3D(linear, training.Prepared!.Column(0).ToArray(), train.RequireNumericTarget(), training),
                $"The cost J(θ₀, θ₁) on the {train.Rows} training rows as a surface and as contours, with the {path.Count - 1} steps of gradient descent drawn on both.");
        }
        if (TreePlots.IsTreeModel(model.Model))
        {
            add(section, "tree", TreePlots.Diagram(inputs, 0, 3),
                model.Model is RandomForestClassifierModel or RandomForestRegressorModel
                    ? "The first tree of the forest, its top three levels: each split, its impurity, samples and class counts or mean."
                    : "The tree's top three levels: each split, its impurity, samples and class counts or mean.");
            IReadOnlyList<double> importances = model.Model switch
            {
                DecisionTreeClassifierModel m => m.FeatureImportances,
                DecisionTreeRegressorModel m => m.FeatureImportances,
                RandomForestClassifierModel m => m.FeatureImportances,
                RandomForestRegressorModel m => m.FeatureImportances,
                _ => [],
            };
            add(section, "feature-importances", ModelFigures.FeatureImportances(importances, TreePlots.FeatureNames(model, importances.Count)),
                "How much each feature's splits lowered the impurity, summed over the tree(s) and normalized to 1.");
            // the gain of each raw column, as a tree grown with entropy weighs its first question (not for dates or empty cells)
            if (model.Model is DecisionTreeClassifierModel or RandomForestClassifierModel
                && train.Columns.All(c => c.Kind is ColumnKind.Number or ColumnKind.Category && c.MissingCount == 0))
                add(section, "information-gain", ModelFigures.InformationGain(train, $"Information gain of each column about '{train.TargetName}' ({train.Rows} training rows)"),
                    "How much knowing each column lowers the entropy of the class on the training rows (a category split by value, a number " +
                    "at its best threshold): the highlighted column is the first question of a tree grown with entropy.");
        }
        int folds = request.Entry.IsClassifier ? Math.Min(5, Targets.Classes(train).Indices.GroupBy(i => i).Min(g => g.Count())) : 5;
        if (folds >= 2 && train.Rows >= 10)
        {
            ICrossValidator cv = request.Entry.IsClassifier
                ? new StratifiedKFold(folds) { Shuffle = true, Seed = request.Seed }
                : new KFold(folds) { Shuffle = true, Seed = request.Seed };
            var curve = request.Estimator.LearningCurve(request.Preprocessing, train, null, cv);
            add(section, "learning-curve", ModelFigures.LearningCurve(curve,
                    request.Entry.IsClassifier ? "Misclassification rate" : "Mean squared error", "Learning curve on the training rows"),
                $"Training error (E_in) and validation error (E_out, {folds}-fold cross-validation on the training rows) against the number " +
                "of training rows: a gap that stays means high variance, two high errors that meet mean high bias.");
        }
    }

    /// <summary>The linear family's coefficients by feature name (city=Paris, age^2), on the scale of the model's input.</summary>
    private static void CoefficientsSection(HtmlReport report, SavedModel model)
    {
        var names = ModelFeatureNames.Of(model);
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        List<IReadOnlyList<string>> rows;
        IReadOnlyList<string> headers;
        switch (model.Model)
        {
            case Linear.LinearModel linear:
                headers = ["feature", "coefficient"];
                rows = [.. names.Select((n, j) => (IReadOnlyList<string>)[n, F(linear.Coefficients[j])]), ["(intercept)", F(linear.Intercept)]];
                break;
            case Linear.LogisticRegressionModel logistic:
                var w = logistic.Coefficients;
                var labels = logistic.IsMultinomial ? logistic.Classes.Select(c => c.Text).ToArray() : [logistic.Classes[1].Text];
                headers = ["feature", .. labels.Select(l => $"coefficient ({l})")];
                rows = [.. names.Select((n, j) => (IReadOnlyList<string>)[n, .. Enumerable.Range(0, w.Rows).Select(k => F(w[k, j]))]),
                    ["(intercept)", .. logistic.Intercepts.Select(F)]];
                break;
            default:
                return;
        }
        var section = report.AddSection("Coefficients");
        section.Paragraph(model.Preprocessing.Any(s => s is StandardScalerModel)
            ? "Each feature's weight in the fitted model, on standardized features (one standard deviation up changes the score by the coefficient)."
            : "Each feature's weight in the fitted model, in the features' own units.");
        section.Table(headers, rows);
    }

    private static string Describe(IFittedTransformer step) => step switch
    {
        ColumnTransformerModel c => $"imputing, one-hot encoding and date expansion ({c.OutputFeatureCount} columns)",
        PolynomialFeaturesModel p => $"polynomial features ({p.OutputFeatureCount} columns)",
        StandardScalerModel => "standardization",
        _ => step.GetType().Name,
    };
}
