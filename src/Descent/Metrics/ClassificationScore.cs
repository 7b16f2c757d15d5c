namespace Descent.Metrics;

/// <summary>
/// A precision, recall or F-score: one averaged <see cref="Value"/>, or with <see cref="Average.None"/> one value per
/// label (<see cref="Labels"/>, <see cref="PerLabel"/>), plus scikit-learn's <c>UndefinedMetricWarning</c> texts when a
/// denominator was zero and <see cref="ZeroDivision.Warn"/> replaced the score by 0. Converts to <see cref="double"/>.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ClassificationScore<TLabel>
{
    private readonly double _value;

    internal ClassificationScore(double value, IReadOnlyList<TLabel>? labels, double[]? perLabel, IReadOnlyList<string> warnings)
    {
        _value = value;
        Labels = labels;
        PerLabel = perLabel;
        Warnings = warnings;
    }

    /// <summary>True when the score was averaged into one <see cref="Value"/>; false for <see cref="Average.None"/>.</summary>
    public bool IsAveraged => PerLabel is null;

    /// <summary>The averaged score.</summary>
    /// <exception cref="InvalidOperationException">The score was computed per label (<see cref="Average.None"/>).</exception>
    public double Value => IsAveraged ? _value
        : throw new InvalidOperationException("This score was computed per label (Average.None); read PerLabel, or choose an average.");

    /// <summary>The labels of <see cref="PerLabel"/> (<see cref="Average.None"/> only).</summary>
    public IReadOnlyList<TLabel>? Labels { get; }

    /// <summary>One score per label (<see cref="Average.None"/> only).</summary>
    public IReadOnlyList<double>? PerLabel { get; }

    /// <summary>scikit-learn's warnings for this computation, in the order it emits them (empty when well-defined).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The averaged score.</summary>
    public static implicit operator double(ClassificationScore<TLabel> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Value;
    }

    /// <summary>The value, or the per-label values.</summary>
    public override string ToString() => IsAveraged
        ? _value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : string.Join(", ", Labels!.Zip(PerLabel!, (l, v) => $"{l}: {v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"));
}

/// <summary>
/// Precision, recall and F-beta from one pass over the labels (scikit-learn's <c>precision_recall_fscore_support</c>),
/// with the support (number of true samples per label) when not averaged.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class PrecisionRecallFScore<TLabel>
{
    internal PrecisionRecallFScore(ClassificationScore<TLabel> precision, ClassificationScore<TLabel> recall,
        ClassificationScore<TLabel> fScore, double[]? support, IReadOnlyList<string> warnings)
    {
        Precision = precision;
        Recall = recall;
        FScore = fScore;
        Support = support;
        Warnings = warnings;
    }

    /// <summary>tp / (tp + fp).</summary>
    public ClassificationScore<TLabel> Precision { get; }

    /// <summary>tp / (tp + fn).</summary>
    public ClassificationScore<TLabel> Recall { get; }

    /// <summary>(1 + β²)·precision·recall / (β²·precision + recall).</summary>
    public ClassificationScore<TLabel> FScore { get; }

    /// <summary>The number (or weight) of true samples of each label; null when averaged (as scikit-learn returns None).</summary>
    public IReadOnlyList<double>? Support { get; }

    /// <summary>scikit-learn's warnings, in its order.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
