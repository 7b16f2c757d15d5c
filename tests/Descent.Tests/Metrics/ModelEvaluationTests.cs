using System.Text.Json;
using Descent.Metrics;
using Descent.Numerics;

namespace Descent.Tests.Metrics;

public class ModelEvaluationTests
{
    public static TheoryData<string> Cases() =>
        new(Golden.Load("metrics", "evaluate").GetProperty("classification").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classification_GivesTheEvaluateJsonValues_OfScikitLearn(string name)
    {
        var c = Golden.Load("metrics", "evaluate").GetProperty("classification").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        Label[] classes = Golden.Strings(c.GetProperty("classes")).Select(s => new Label(s)).ToArray();
        Label[] yTrue = Golden.Strings(c.GetProperty("y_true")).Select(s => new Label(s)).ToArray();
        int[] predicted = Golden.Strings(c.GetProperty("y_pred")).Select(s => ClassLabels.IndexOf(classes, new Label(s))).ToArray();
        var proba = Matrix.FromRows(Golden.Rows(c.GetProperty("proba")));
        var result = ModelEvaluation.Classification(classes, yTrue, predicted, proba);

        var json = JsonDocument.Parse(result.ToJson()).RootElement;
        var expected = c.GetProperty("expected");
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), json.EnumerateObject().Select(p => p.Name));
        foreach (string key in new[] { "accuracy", "precision", "recall", "f1", "log_loss", "roc_auc" })
            Golden.Close(expected.GetProperty(key).GetDouble(), json.GetProperty(key).GetDouble(), key);
        Assert.Equal(expected.GetProperty("confusion_matrix").GetRawText().Replace(" ", "").Replace("\n", ""),
            json.GetProperty("confusion_matrix").GetRawText());
        Assert.Equal(expected.GetProperty("classes").GetRawText().Replace(" ", "").Replace("\n", ""),
            json.GetProperty("classes").GetRawText());
        Assert.All(result.Warnings, w => Assert.Contains("ill-defined and being set to 0.0", w));
    }

    [Fact]
    public void Regression_GivesTheEvaluateJsonValues_OfScikitLearn()
    {
        var r = Golden.Load("metrics", "evaluate").GetProperty("regression");
        var result = ModelEvaluation.Regression(Golden.Doubles(r.GetProperty("y_true")), Golden.Doubles(r.GetProperty("y_pred")));
        var json = JsonDocument.Parse(result.ToJson()).RootElement;
        var expected = r.GetProperty("expected");
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), json.EnumerateObject().Select(p => p.Name));
        foreach (var p in expected.EnumerateObject())
            Golden.Close(p.Value.GetDouble(), json.GetProperty(p.Name).GetDouble(), p.Name);
    }

    [Fact]
    public void Classification_ASingleTrueClass_GivesNullRocAucWithAWarning()
    {
        Label[] classes = ["no", "yes"];
        var proba = Matrix.FromRows([[0.8, 0.2], [0.4, 0.6], [0.9, 0.1]]);
        var result = ModelEvaluation.Classification(classes, [new Label("no"), new Label("no"), new Label("no")], [0, 1, 0], proba);
        Assert.Null(result.RocAuc);
        Assert.Contains(result.Warnings, w => w.Contains("roc_auc is not defined"));
        Assert.Contains(result.Warnings, w => w.StartsWith("Recall is ill-defined", StringComparison.Ordinal)
            && w.EndsWith("Use the zeroDivision argument (ZeroDivision.Zero or ZeroDivision.One) to control this behavior.", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("zero_division", StringComparison.Ordinal));   // scikit-learn's name, not Descent's
        Assert.Equal(0.0, result.Recall);
        Assert.Contains("\"roc_auc\":null", result.ToJson());
    }

    [Fact]
    public void Classification_AnUnknownTrueLabel_NamesTheRow()
    {
        Label[] classes = ["1", "2"];
        var e = Assert.Throws<DescentDataException>(() => ModelEvaluation.Classification(classes,
            [new Label("1"), new Label("3")], [0, 1], Matrix.FromRows([[0.5, 0.5], [0.5, 0.5]])));
        Assert.Equal(1, e.Row);
        Assert.Contains("'3' is not one of the model's classes", e.Message);
    }
}
