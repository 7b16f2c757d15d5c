using System.Text.Json;
using Descent.Metrics;

namespace Descent.Tests.Metrics;

public class ClassificationMetricsTests
{
    public static TheoryData<string> Cases() => new(Golden.Load("metrics", "labels").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) =>
        Golden.Load("metrics", "labels").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryMetric_MatchesScikitLearn_WithItsWarnings(string name)
    {
        var c = Case(name);
        if (Golden.AllNumbers(c.GetProperty("y_true")) && Golden.AllNumbers(c.GetProperty("y_pred")))
        {
            var pos = c.GetProperty("pos_label");
            Check(c, Golden.Ints(c.GetProperty("y_true")), Golden.Ints(c.GetProperty("y_pred")),
                pos.ValueKind == JsonValueKind.Null ? default(Optional<int>) : pos.GetInt32());
        }
        else
        {
            var pos = c.GetProperty("pos_label");
            Check(c, Golden.Strings(c.GetProperty("y_true")), Golden.Strings(c.GetProperty("y_pred")),
                pos.ValueKind == JsonValueKind.Null ? default(Optional<string>) : pos.GetString()!);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelType_DoesNotChangeTheResult(string name)
    {
        // the same case as Label values ("1" numeric, "cat" text) gives the same confusion matrix and macro F1
        var c = Case(name);
        Label[] yt = Golden.Strings(c.GetProperty("y_true")).Select(s => new Label(s)).ToArray();
        Label[] yp = Golden.Strings(c.GetProperty("y_pred")).Select(s => new Label(s)).ToArray();
        double[] w = Golden.Doubles(c.GetProperty("sample_weight"));
        var cm = ClassificationMetrics.ConfusionMatrix(yt, yp, sampleWeight: w);
        Assert.Equal(Golden.Strings(c.GetProperty("labels")), cm.Labels.Select(l => l.Text));
        AssertMatrix(c.GetProperty("confusion_matrix").GetProperty("value"), cm);
        var macro = c.GetProperty("prf").EnumerateArray().First(e => e.GetProperty("average").GetString() == "macro");
        Golden.Close(Golden.Double(macro.GetProperty("f1").GetProperty("value")),
            ClassificationMetrics.F1(yt, yp, Average.Macro, sampleWeight: w, zeroDivision: Zero(macro)), "macro f1");
    }

    private static void Check<TLabel>(JsonElement c, TLabel[] yt, TLabel[] yp, Optional<TLabel> pos)
    {
        double[] w = Golden.Doubles(c.GetProperty("sample_weight"));
        var cm = ClassificationMetrics.ConfusionMatrix(yt, yp, sampleWeight: w);
        AssertMatrix(c.GetProperty("confusion_matrix").GetProperty("value"), cm);
        Golden.Close(Golden.Double(c.GetProperty("accuracy").GetProperty("value")), ClassificationMetrics.Accuracy(yt, yp, sampleWeight: w), "accuracy");
        Golden.Close(Golden.Double(c.GetProperty("accuracy_count").GetProperty("value")),
            ClassificationMetrics.Accuracy(yt, yp, normalize: false, sampleWeight: w), "accuracy count");
        foreach (var e in c.GetProperty("prf").EnumerateArray())
        {
            var average = Enum.Parse<Average>(e.GetProperty("average").GetString()!, ignoreCase: true);
            var zero = Zero(e);
            string what = $"{average}/{zero}";
            var all = ClassificationMetrics.PrecisionRecallFScoreSupport(yt, yp, 1.0, average, posLabel: pos, zeroDivision: zero, sampleWeight: w);
            var expected = e.GetProperty("prfs").GetProperty("value");
            AssertScore(expected[0], all.Precision, what + " precision");
            AssertScore(expected[1], all.Recall, what + " recall");
            AssertScore(expected[2], all.FScore, what + " f");
            if (average == Average.None)
                Golden.Close(Golden.Doubles(expected[3]), all.Support!, what + " support");
            else
                Assert.Null(all.Support);
            Assert.Equal(Golden.Warnings(e.GetProperty("prfs")), all.Warnings);
            Matches(e.GetProperty("precision"), ClassificationMetrics.Precision(yt, yp, average, posLabel: pos, zeroDivision: zero, sampleWeight: w), what + " precision_score");
            Matches(e.GetProperty("recall"), ClassificationMetrics.Recall(yt, yp, average, posLabel: pos, zeroDivision: zero, sampleWeight: w), what + " recall_score");
            Matches(e.GetProperty("f1"), ClassificationMetrics.F1(yt, yp, average, posLabel: pos, zeroDivision: zero, sampleWeight: w), what + " f1_score");
            Matches(e.GetProperty("f_half"), ClassificationMetrics.FBeta(yt, yp, 0.5, average, posLabel: pos, zeroDivision: zero, sampleWeight: w), what + " f0.5");
            Matches(e.GetProperty("f_two"), ClassificationMetrics.FBeta(yt, yp, 2.0, average, posLabel: pos, zeroDivision: zero, sampleWeight: w), what + " f2");
        }
        var report = ClassificationMetrics.Report(yt, yp, sampleWeight: w);
        AssertReport(c.GetProperty("report_dict"), report);
        Assert.Equal(c.GetProperty("report_text").GetProperty("value").GetString(), report.ToString());
        Assert.Equal(c.GetProperty("report_text_4").GetProperty("value").GetString(), report.ToString(4));
    }

    [Fact]
    public void LabelsArgument_SelectsOrdersAndAddsAbsentLabels()
    {
        var g = Golden.Load("metrics", "labels").GetProperty("labels_argument");
        int[] yt = Golden.Ints(g.GetProperty("y_true")), yp = Golden.Ints(g.GetProperty("y_pred"));
        var cm = ClassificationMetrics.ConfusionMatrix(yt, yp, Golden.Ints(g.GetProperty("cm_labels")));
        Assert.Equal(Golden.Ints(g.GetProperty("cm_labels")), cm.Labels);
        AssertMatrix(g.GetProperty("confusion_matrix").GetProperty("value"), cm);
        int[] labels = Golden.Ints(g.GetProperty("prf_labels"));
        var macro = ClassificationMetrics.PrecisionRecallFScoreSupport(yt, yp, average: Average.Macro, labels: labels);
        var expected = g.GetProperty("prf_macro").GetProperty("value");
        AssertScore(expected[0], macro.Precision, "macro precision");
        AssertScore(expected[2], macro.FScore, "macro f");
        Assert.Equal(Golden.Warnings(g.GetProperty("prf_macro")), macro.Warnings);
        var none = ClassificationMetrics.PrecisionRecallFScoreSupport(yt, yp, labels: labels);
        expected = g.GetProperty("prf_none").GetProperty("value");
        AssertScore(expected[1], none.Recall, "recall per label");
        Assert.Equal(labels, none.Recall.Labels);
        var report = ClassificationMetrics.Report(yt, yp, labels, ZeroDivision.Zero);
        AssertReport(g.GetProperty("report_dict"), report);
        Assert.Null(report.Accuracy);
        Assert.Equal(g.GetProperty("report_text").GetProperty("value").GetString(), report.ToString());
    }

    [Fact]
    public void BadInput_RaisesScikitLearnsMessage()
    {
        var errors = Golden.Load("metrics", "labels").GetProperty("errors");
        Golden.Raises(errors.GetProperty("binary_average_on_multiclass"), () => ClassificationMetrics.Precision([0, 1, 2], [0, 1, 1]));
        Golden.Raises(errors.GetProperty("pos_label_not_present"), () => ClassificationMetrics.Precision([0, 2, 2], [0, 2, 0]));
        Golden.Raises(errors.GetProperty("pos_label_string_default"), () => ClassificationMetrics.F1(["a", "b"], ["a", "a"]));
        Golden.Raises(errors.GetProperty("length"), () => ClassificationMetrics.Accuracy([0, 1, 1], [0, 1]));
        Golden.Raises(errors.GetProperty("beta_negative"), () => ClassificationMetrics.FBeta([0, 1], [0, 1], -1.0));
    }

    [Fact]
    public void ConfusionMatrix_Normalized_RowsColumnsAndTotalSumToOne()
    {
        var cm = ClassificationMetrics.ConfusionMatrix(["b", "a", "a", "c", "b", "a"], ["b", "a", "b", "c", "a", "a"]);
        Assert.Equal(["a", "b", "c"], cm.Labels);
        Assert.Equal(new long[][] { [2, 1, 0], [1, 1, 0], [0, 0, 1] }, cm.ToCounts());
        var rows = cm.Normalized(ConfusionNormalization.True);
        Golden.Close(2.0 / 3, rows[0, 0], "row-normalized");
        var columns = cm.Normalized(ConfusionNormalization.Pred);
        Golden.Close(1.0 / 3, columns[1, 0], "column-normalized");
        Golden.Close(1.0 / 6, cm.Normalized(ConfusionNormalization.All)[2, 2], "total-normalized");
    }

    [Fact]
    public void AveragedScore_ConvertsToDouble_AndPerLabelScoreRefusesOneValue()
    {
        double f1 = ClassificationMetrics.F1([0, 1, 1, 0], [0, 1, 0, 0]);
        Golden.Close(2.0 / 3, f1, "f1");
        var perLabel = ClassificationMetrics.F1([0, 1, 1, 0], [0, 1, 0, 0], Average.None);
        Assert.Throws<InvalidOperationException>(() => perLabel.Value);
        Assert.Equal([0, 1], perLabel.Labels);
        // a positive label given as a plain value: precision of "spam" = 1/2, recall = 1
        Golden.Close(2.0 / 3, ClassificationMetrics.F1(["ham", "spam"], ["spam", "spam"], posLabel: "spam"), "f1 of spam");
    }

    [Fact]
    public void PairwiseSum_IsMoreAccurateThanASequentialSum()
    {
        var values = Enumerable.Repeat(0.1, 1_000_003).ToArray();
        double sequential = 0;
        foreach (double v in values)
            sequential += v;
        double exact = (double)(0.1m * 1_000_003);   // 0.1 as a double exceeds 0.1 by 5.55e-18: negligible here
        Assert.True(Math.Abs(PairwiseSum.Sum(values) - exact) < Math.Abs(sequential - exact) / 100,
            $"pairwise {PairwiseSum.Sum(values):R}, sequential {sequential:R}, exact {exact:R}");
    }

    private static ZeroDivision Zero(JsonElement e) => e.GetProperty("zero_division").GetString() switch
    {
        "warn" => ZeroDivision.Warn,
        "0" => ZeroDivision.Zero,
        _ => ZeroDivision.One,
    };

    private static void Matches<TLabel>(JsonElement expected, ClassificationScore<TLabel> actual, string what)
    {
        AssertScore(expected.GetProperty("value"), actual, what);
        Assert.Equal(Golden.Warnings(expected), actual.Warnings);
    }

    private static void AssertScore<TLabel>(JsonElement expected, ClassificationScore<TLabel> actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Array)
            Golden.Close(Golden.Doubles(expected), actual.PerLabel!, what);
        else
            Golden.Close(Golden.Double(expected), actual.Value, what);
    }

    private static void AssertMatrix<TLabel>(JsonElement expected, ConfusionMatrix<TLabel> cm)
    {
        double[][] rows = Golden.Rows(expected);
        Assert.Equal(rows.Length, cm.Size);
        for (int i = 0; i < rows.Length; i++)
            Golden.Close(rows[i], Enumerable.Range(0, cm.Size).Select(j => cm[i, j]).ToArray(), $"confusion row {i}");
    }

    private static void AssertReport<TLabel>(JsonElement expected, ClassificationReport<TLabel> report)
    {
        var d = expected.GetProperty("value");
        foreach (var line in report.Lines.Append(report.MacroAverage).Append(report.WeightedAverage)
                     .Concat(report.MicroAverage is { } micro ? [micro] : []))
        {
            var e = d.GetProperty(line.Name);
            Golden.Close(e.GetProperty("precision").GetDouble(), line.Precision, line.Name + " precision");
            Golden.Close(e.GetProperty("recall").GetDouble(), line.Recall, line.Name + " recall");
            Golden.Close(e.GetProperty("f1-score").GetDouble(), line.F1, line.Name + " f1");
            Golden.Close(e.GetProperty("support").GetDouble(), line.Support, line.Name + " support");
        }
        if (report.Accuracy is double accuracy)
            Golden.Close(d.GetProperty("accuracy").GetDouble(), accuracy, "accuracy");
        Assert.Equal(d.EnumerateObject().Count(), report.Lines.Count + 2 + 1);
        Assert.Equal(Golden.Warnings(expected).Distinct(), report.Warnings);
    }
}
