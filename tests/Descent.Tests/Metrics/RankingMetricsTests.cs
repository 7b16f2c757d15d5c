using System.Text.Json;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Metrics;

public class RankingMetricsTests
{
    public static TheoryData<string> Cases() => new(Golden.Load("metrics", "scores").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) =>
        Golden.Load("metrics", "scores").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CurvesAndScores_MatchScikitLearn_PointForPoint(string name)
    {
        var c = Case(name);
        var pos = c.GetProperty("pos_label");
        if (Golden.AllNumbers(c.GetProperty("y_true")))
            Check(c, Golden.Ints(c.GetProperty("y_true")), default);
        else
            Check(c, Golden.Strings(c.GetProperty("y_true")), pos.GetString()!);
    }

    private static void Check<TLabel>(JsonElement c, TLabel[] yt, Optional<TLabel> pos)
    {
        double[] s = Golden.Doubles(c.GetProperty("y_score")), w = Golden.Doubles(c.GetProperty("sample_weight"));
        foreach (var (key, drop) in new[] { ("roc", true), ("roc_all", false) })
        {
            var expected = c.GetProperty(key);
            var roc = RankingMetrics.RocCurve(yt, s, pos, w, drop);
            var v = expected.GetProperty("value");
            Golden.Close(Golden.Doubles(v[0]), roc.FalsePositiveRates, key + " fpr");
            Golden.Close(Golden.Doubles(v[1]), roc.TruePositiveRates, key + " tpr");
            Golden.Close(Golden.Doubles(v[2]), roc.Thresholds, key + " thresholds");
            Assert.Equal(Golden.Warnings(expected), roc.Warnings);
        }
        var pr = RankingMetrics.PrecisionRecallCurve(yt, s, pos, w);
        var prExpected = c.GetProperty("pr");
        Golden.Close(Golden.Doubles(prExpected.GetProperty("value")[0]), pr.Precision, "precision");
        Golden.Close(Golden.Doubles(prExpected.GetProperty("value")[1]), pr.Recall, "recall");
        Golden.Close(Golden.Doubles(prExpected.GetProperty("value")[2]), pr.Thresholds, "pr thresholds");
        Assert.Equal(Golden.Warnings(prExpected), pr.Warnings);
        Golden.Close(Golden.Double(c.GetProperty("average_precision").GetProperty("value")),
            RankingMetrics.AveragePrecision(yt, s, pos, w), "average precision");
        var auc = c.GetProperty("roc_auc");
        if (Golden.IsError(auc))
            Golden.Raises(auc, () => RankingMetrics.RocAuc(yt, s, w));
        else
            Golden.Close(Golden.Double(auc.GetProperty("value")), RankingMetrics.RocAuc(yt, s, w), "roc auc");
        if (c.TryGetProperty("brier", out var brier))
        {
            Golden.Close(Golden.Double(brier.GetProperty("value")), ProbabilityMetrics.BrierScore(yt, s, pos, w), "brier");
            var logLoss = c.GetProperty("log_loss");
            if (Golden.IsError(logLoss))
                Golden.Raises(logLoss, () => ProbabilityMetrics.LogLoss(yt, s, sampleWeight: w));
            else
                Golden.Close(Golden.Double(logLoss.GetProperty("value")), ProbabilityMetrics.LogLoss(yt, s, sampleWeight: w), "log loss");
        }
    }

    public static TheoryData<string> MulticlassCases() =>
        new(Golden.Load("metrics", "scores").GetProperty("multiclass").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void OneVsRestAucAndLogLoss_MatchScikitLearn(string name)
    {
        var c = Golden.Load("metrics", "scores").GetProperty("multiclass").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        if (Golden.AllNumbers(c.GetProperty("y_true")))
            CheckMulticlass(c, Golden.Ints(c.GetProperty("y_true")));
        else
            CheckMulticlass(c, Golden.Strings(c.GetProperty("y_true")));
    }

    private static void CheckMulticlass<TLabel>(JsonElement c, TLabel[] yt)
    {
        var p = Matrix.FromRows(Golden.Rows(c.GetProperty("y_score")));
        double[] w = Golden.Doubles(c.GetProperty("sample_weight"));
        foreach (var average in new[] { Average.Macro, Average.Weighted, Average.Micro })
        {
            string key = "roc_auc_ovr_" + average.ToString().ToLowerInvariant();
            Golden.Close(Golden.Double(c.GetProperty(key).GetProperty("value")), RankingMetrics.RocAuc(yt, p, average), key);
            Golden.Close(Golden.Double(c.GetProperty(key + "_weighted").GetProperty("value")), RankingMetrics.RocAuc(yt, p, average, sampleWeight: w), key + " weighted");
        }
        Golden.Close(Golden.Double(c.GetProperty("log_loss").GetProperty("value")), ProbabilityMetrics.LogLoss(yt, p), "log loss");
        Golden.Close(Golden.Double(c.GetProperty("log_loss_sum").GetProperty("value")), ProbabilityMetrics.LogLoss(yt, p, normalize: false), "log loss sum");
        Golden.Close(Golden.Double(c.GetProperty("log_loss_weighted").GetProperty("value")), ProbabilityMetrics.LogLoss(yt, p, sampleWeight: w), "weighted log loss");
        var scaled = Matrix.FromRows(Golden.Rows(c.GetProperty("y_score")).Select(r => r.Select(v => v * 0.9).ToArray()).ToArray());
        Golden.Close(Golden.Double(c.GetProperty("log_loss_unnormalized_rows").GetProperty("value")), ProbabilityMetrics.LogLoss(yt, scaled), "rows renormalized");
    }

    [Fact]
    public void LogLoss_WithLabels_HandlesAClassAbsentFromYTrue()
    {
        var g = Golden.Load("metrics", "scores").GetProperty("log_loss_labels");
        var p = Matrix.FromRows(Golden.Rows(g.GetProperty("y_score")));
        Golden.Close(Golden.Double(g.GetProperty("value").GetProperty("value")),
            ProbabilityMetrics.LogLoss(Golden.Ints(g.GetProperty("y_true")), p, Golden.Ints(g.GetProperty("labels"))), "log loss");
    }

    [Fact]
    public void BadInput_RaisesScikitLearnsMessage()
    {
        var e = Golden.Load("metrics", "scores").GetProperty("errors");
        Golden.Raises(e.GetProperty("nan_score"), () => RankingMetrics.RocAuc([0, 1, 1], [0.1, double.NaN, 0.3]));
        Golden.Raises(e.GetProperty("nan_score_curve"), () => RankingMetrics.RocCurve([0, 1, 1], [0.1, double.NaN, 0.3]));
        Golden.Raises(e.GetProperty("inf_score"), () => RankingMetrics.PrecisionRecallCurve([0, 1, 1], [0.1, double.PositiveInfinity, 0.3]));
        Golden.Raises(e.GetProperty("length"), () => RankingMetrics.RocAuc([0, 1, 1], [0.1, 0.3]));
        Golden.Raises(e.GetProperty("single_class"), () => RankingMetrics.RocAuc([1, 1, 1], [0.1, 0.2, 0.3]));
        Golden.Raises(e.GetProperty("multiclass_curve"), () => RankingMetrics.RocCurve([0, 1, 2], [0.1, 0.2, 0.3]));
        Golden.Raises(e.GetProperty("string_no_pos_label"), () => RankingMetrics.RocCurve(["a", "b", "a"], [0.1, 0.2, 0.3]));
        Golden.Raises(e.GetProperty("log_loss_single_label"), () => ProbabilityMetrics.LogLoss([1, 1, 1], [0.2, 0.3, 0.4]));
        Golden.Raises(e.GetProperty("probabilities_not_summing"), () => RankingMetrics.RocAuc([0, 1, 2],
            Matrix.FromRows([[0.2, 0.2, 0.2], [0.3, 0.3, 0.4], [0.1, 0.1, 0.8]])));
        Golden.Raises(e.GetProperty("multiclass_column_count"), () => RankingMetrics.RocAuc([0, 1, 2],
            Matrix.FromRows([[0.5, 0.5], [0.3, 0.7], [0.1, 0.9]])));
        Golden.Raises(e.GetProperty("brier_above_one"), () => ProbabilityMetrics.BrierScore([0, 1], [0.2, 1.2]));
        Assert.Contains("Found array with 0 sample(s)", Assert.Throws<ArgumentException>(() => RankingMetrics.RocCurve(Array.Empty<int>(), [])).Message);
        var nan = Assert.Throws<DescentDataException>(() => RankingMetrics.RocAuc([0, 1, 1], [0.1, double.NaN, 0.3]));
        Assert.Equal(1, nan.Row);
    }

    [Fact]
    public void RocAuc_EqualsTheMannWhitneyStatistic_OnManyTiedScores()
    {
        // AUC = P(score of a random positive > score of a random negative) + P(tie) / 2, counted pair by pair
        var rng = new Rng(7);
        int n = 600;
        var y = new int[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.NextDouble() < 0.3 ? 1 : 0;
            s[i] = Math.Round(rng.NextDouble() * 20 + 5 * y[i]) / 4 - 3;   // ties, negative and positive scores
        }
        s[0] = -0.0;
        s[1] = 0.0;
        double wins = 0, pairs = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (y[i] == 1 && y[j] == 0)
                {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
        Golden.Close(wins / pairs, RankingMetrics.RocAuc(y, s), "auc", 1e-12);
        Golden.Close(wins / pairs, RankingMetrics.RocCurve(y, s, dropIntermediate: false).Area(), "area of the full curve", 1e-12);
    }

    [Fact]
    public void RadixSort_OrdersDoublesDescending_AndKeepsTiesStable()
    {
        double[] scores = [0.5, -1e300, double.Epsilon, -0.0, 3, 0.5, -2.5, 0.0, 1e-320, 7e10];
        var keys = scores.Select(RadixSort.DescendingKey).ToArray();
        var rows = Enumerable.Range(0, scores.Length).ToArray();
        RadixSort.Sort(keys, rows, new ulong[keys.Length], new int[keys.Length]);
        var sorted = keys.Select(RadixSort.ScoreOf).ToArray();
        Assert.Equal(scores.OrderByDescending(v => v).ToArray(), sorted);
        Assert.Equal(0, Array.IndexOf(rows, 0) - Array.IndexOf(rows, 5) < 0 ? 0 : 1);   // the two 0.5 keep input order
        Assert.Equal(keys[Array.IndexOf(rows, 3)], keys[Array.IndexOf(rows, 7)]);           // -0 and +0 tie
    }
}
