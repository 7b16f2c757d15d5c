using System.Globalization;

namespace Descent.Trees;

/// <summary>
/// How many features a tree draws at random at each node before searching for the best split (scikit-learn's
/// <c>max_features</c>): all of them, a count, a fraction (max(1, ⌊f·p⌋)), ⌊√p⌋ or ⌊log₂ p⌋ (each at least 1).
/// Assign an <c>int</c> for a count or a <c>double</c> for a fraction, as in scikit-learn.
/// </summary>
public readonly record struct MaxFeatures
{
    private enum Kind { All, Count, Fraction, Sqrt, Log2 }

    private readonly Kind _kind;
    private readonly double _value;

    private MaxFeatures(Kind kind, double value)
    {
        _kind = kind;
        _value = value;
    }

    /// <summary>Every feature (scikit-learn's <c>None</c> or 1.0).</summary>
    public static MaxFeatures All => new(Kind.All, 0);

    /// <summary>⌊√p⌋ features (the random-forest classifier's default).</summary>
    public static MaxFeatures Sqrt => new(Kind.Sqrt, 0);

    /// <summary>⌊log₂ p⌋ features.</summary>
    public static MaxFeatures Log2 => new(Kind.Log2, 0);

    /// <summary>Exactly <paramref name="count"/> features (1 ≤ count ≤ p, checked at Fit).</summary>
    public static MaxFeatures Count(int count) => new(Kind.Count, count);

    /// <summary>max(1, ⌊fraction·p⌋) features, 0 &lt; fraction ≤ 1 (checked at Fit).</summary>
    public static MaxFeatures Fraction(double fraction) => new(Kind.Fraction, fraction);

    /// <summary>A count.</summary>
    public static implicit operator MaxFeatures(int count) => Count(count);

    /// <summary>A fraction.</summary>
    public static implicit operator MaxFeatures(double fraction) => Fraction(fraction);

    /// <summary>Parses "all" (or "none"), "sqrt", "log2", an integer count or a decimal fraction ("0.5").</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static MaxFeatures Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase) || t.Equals("none", StringComparison.OrdinalIgnoreCase))
            return All;
        if (t.Equals("sqrt", StringComparison.OrdinalIgnoreCase))
            return Sqrt;
        if (t.Equals("log2", StringComparison.OrdinalIgnoreCase))
            return Log2;
        if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            return Count(count);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction))
            return Fraction(fraction);
        throw new FormatException($"max features '{text}' is not 'all', 'sqrt', 'log2', an integer count or a fraction such as 0.5.");
    }

    /// <summary>The number of features to draw at each node for <paramref name="featureCount"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count outside [1, p] or a fraction outside (0, 1].</exception>
    public int Resolve(int featureCount, string estimator)
    {
        switch (_kind)
        {
            case Kind.Count:
                if (_value < 1 || _value > featureCount)
                    throw new ArgumentOutOfRangeException("MaxFeatures", _value,
                        $"{estimator}: MaxFeatures must be between 1 and the number of features ({featureCount}), got {_value}.");
                return (int)_value;
            case Kind.Fraction:
                if (!(_value > 0.0 && _value <= 1.0))
                    throw new ArgumentOutOfRangeException("MaxFeatures", _value,
                        $"{estimator}: a MaxFeatures fraction must be in (0, 1], got {_value.ToString("R", CultureInfo.InvariantCulture)}.");
                return Math.Max(1, (int)(_value * featureCount));
            case Kind.Sqrt:
                return Math.Max(1, (int)Math.Sqrt(featureCount));
            case Kind.Log2:
                return Math.Max(1, (int)Math.Log2(featureCount));
            default:
                return featureCount;
        }
    }

    /// <summary>"all", "sqrt", "log2", the count, or the fraction.</summary>
    public override string ToString() => _kind switch
    {
        Kind.Count => ((int)_value).ToString(CultureInfo.InvariantCulture),
        Kind.Fraction => _value.ToString("R", CultureInfo.InvariantCulture),
        Kind.Sqrt => "sqrt",
        Kind.Log2 => "log2",
        _ => "all",
    };
}
