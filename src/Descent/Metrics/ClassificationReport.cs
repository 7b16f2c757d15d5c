using System.Globalization;
using System.Text;

namespace Descent.Metrics;

/// <summary>One line of a classification report: a label's scores and its support (number or weight of true samples).</summary>
/// <param name="Name">The label as printed, or "macro avg" / "weighted avg" / "micro avg".</param>
/// <param name="Precision">tp / (tp + fp).</param>
/// <param name="Recall">tp / (tp + fn).</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Support">Number (or total weight) of true samples.</param>
public readonly record struct ClassificationReportLine(string Name, double Precision, double Recall, double F1, double Support);

/// <summary>
/// scikit-learn's <c>classification_report</c>: per-label precision, recall, F1 and support; the accuracy (when the
/// report covers every label, otherwise a micro average line); the macro and the support-weighted averages.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ClassificationReport<TLabel>
{
    private ClassificationReport(TLabel[] labels, ClassificationReportLine[] lines, double? accuracy, ClassificationReportLine? micro,
        ClassificationReportLine macro, ClassificationReportLine weighted, bool weightedSupport, IReadOnlyList<string> warnings)
    {
        Labels = labels;
        Lines = lines;
        Accuracy = accuracy;
        MicroAverage = micro;
        MacroAverage = macro;
        WeightedAverage = weighted;
        _weightedSupport = weightedSupport;
        Warnings = warnings;
    }

    private readonly bool _weightedSupport;

    /// <summary>The labels reported, in order.</summary>
    public IReadOnlyList<TLabel> Labels { get; }

    /// <summary>One line per label, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<ClassificationReportLine> Lines { get; }

    /// <summary>The accuracy, when the report covers every label seen; otherwise null and <see cref="MicroAverage"/> is set.</summary>
    public double? Accuracy { get; }

    /// <summary>The micro average, reported instead of the accuracy when <c>labels</c> selected a subset.</summary>
    public ClassificationReportLine? MicroAverage { get; }

    /// <summary>The unweighted mean over labels.</summary>
    public ClassificationReportLine MacroAverage { get; }

    /// <summary>The mean over labels weighted by support.</summary>
    public ClassificationReportLine WeightedAverage { get; }

    /// <summary>scikit-learn's warnings (each distinct text once).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The report as scikit-learn prints it with two digits.</summary>
    public override string ToString() => ToString(2);

    /// <summary>The report as scikit-learn prints it, scores with <paramref name="digits"/> decimals.</summary>
    public string ToString(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        const string longestHeading = "weighted avg";
        int width = Math.Max(Math.Max(Lines.Count == 0 ? 0 : Lines.Max(l => l.Name.Length), longestHeading.Length), digits);
        var text = new StringBuilder();
        text.Append(new string(' ', width)).Append(' ');
        foreach (string header in new[] { "precision", "recall", "f1-score", "support" })
            text.Append(' ').Append(header.PadLeft(9));
        text.Append("\n\n");
        foreach (var line in Lines)
            AppendLine(text, line, width, digits);
        text.Append('\n');
        if (Accuracy is double accuracy)
        {
            text.Append("accuracy".PadLeft(width)).Append(' ').Append(' ', 20)
                .Append(' ').Append(PythonFormat.Fixed(accuracy, digits).PadLeft(9))
                .Append(' ').Append(Support(MacroAverage.Support).PadLeft(9)).Append('\n');
        }
        if (MicroAverage is ClassificationReportLine micro)
            AppendLine(text, micro, width, digits);
        AppendLine(text, MacroAverage, width, digits);
        AppendLine(text, WeightedAverage, width, digits);
        return text.ToString();
    }

    private void AppendLine(StringBuilder text, ClassificationReportLine line, int width, int digits)
    {
        text.Append(line.Name.PadLeft(width)).Append(' ');
        foreach (double value in new[] { line.Precision, line.Recall, line.F1 })
            text.Append(' ').Append(PythonFormat.Fixed(value, digits).PadLeft(9));
        text.Append(' ').Append(Support(line.Support).PadLeft(9)).Append('\n');
    }

    private string Support(double support) => _weightedSupport
        ? LabelFormat.Text(support)
        : ((long)support).ToString(CultureInfo.InvariantCulture);

    internal static ClassificationReport<TLabel> Compute(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPred,
        IReadOnlyList<TLabel>? labels, ZeroDivision zeroDivision, ReadOnlySpan<double> sampleWeight)
    {
        const string function = "ClassificationMetrics.Report";
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        var present = LabelSet<TLabel>.Of(function, ("yTrue", yTrue), ("yPred", yPred));
        TLabel[] reported = labels?.ToArray() ?? present.Classes;
        bool microIsAccuracy = labels is null || SameSet(reported, present);
        var warnings = new List<string>();
        double[] weights = sampleWeight.ToArray();

        PrecisionRecallFScore<TLabel> Score(Average average)
        {
            var result = PrecisionRecallComputation.Compute(function, yTrue, yPred, 1.0, average, reported, default,
                zeroDivision, weights, WarnFor.All);
            foreach (string w in result.Warnings)
                if (!warnings.Contains(w))
                    warnings.Add(w);
            return result;
        }

        var perLabel = Score(Average.None);
        var lines = new ClassificationReportLine[reported.Length];
        double supportSum = 0;
        for (int k = 0; k < lines.Length; k++)
        {
            lines[k] = new ClassificationReportLine(LabelFormat.Text(reported[k]), perLabel.Precision.PerLabel![k],
                perLabel.Recall.PerLabel![k], perLabel.FScore.PerLabel![k], perLabel.Support![k]);
            supportSum += perLabel.Support[k];
        }
        ClassificationReportLine Line(string name, PrecisionRecallFScore<TLabel> r) =>
            new(name, r.Precision.Value, r.Recall.Value, r.FScore.Value, supportSum);
        var micro = Score(Average.Micro);
        var macro = Line("macro avg", Score(Average.Macro));
        var weighted = Line("weighted avg", Score(Average.Weighted));
        return new ClassificationReport<TLabel>(reported, lines, microIsAccuracy ? micro.Precision.Value : null,
            microIsAccuracy ? null : Line("micro avg", micro), macro, weighted, !sampleWeight.IsEmpty, warnings);
    }

    private static bool SameSet(TLabel[] labels, LabelSet<TLabel> present)
    {
        var set = LabelSet<TLabel>.FromUnsorted((TLabel[])labels.Clone(), present.Comparer);
        if (set.Count != present.Count)
            return false;
        for (int k = 0; k < set.Count; k++)
            if (present.Comparer.Compare(set.Classes[k], present.Classes[k]) != 0)
                return false;
        return true;
    }
}

/// <summary>Number formatting as Python's format() does it.</summary>
internal static class PythonFormat
{
    /// <summary>Python's <c>"{:.{digits}f}"</c>: the exact binary value rounded half to even (.NET rounds ties away from zero).</summary>
    public static string Fixed(double value, int digits)
    {
        if (!double.IsFinite(value))
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        string exact = value.ToString("F" + (digits + 40), CultureInfo.InvariantCulture);
        bool negative = exact.StartsWith('-');
        if (negative)
            exact = exact[1..];
        int point = exact.IndexOf('.');
        string kept = exact[..(point + 1 + digits)].TrimEnd('.');
        string rest = exact[(point + 1 + digits)..];
        bool roundUp = rest[0] > '5' || (rest[0] == '5' && (rest.AsSpan(1).IndexOfAnyExcept('0') >= 0 || IsOdd(kept[^1])));
        string digitsOnly = kept.Replace(".", "");
        if (roundUp)
            digitsOnly = Increment(digitsOnly);
        string result = digits == 0 ? digitsOnly : digitsOnly[..^digits] + "." + digitsOnly[^digits..];
        if (result.StartsWith('.'))
            result = "0" + result;
        return negative ? "-" + result : result;
    }

    private static bool IsOdd(char digit) => (digit - '0') % 2 == 1;

    private static string Increment(string digits)
    {
        var chars = digits.ToCharArray();
        for (int i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] != '9')
            {
                chars[i]++;
                return new string(chars);
            }
            chars[i] = '0';
        }
        return "1" + new string(chars);
    }
}
