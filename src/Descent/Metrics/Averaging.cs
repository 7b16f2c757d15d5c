namespace Descent.Metrics;

/// <summary>How per-class scores are combined (scikit-learn's <c>average</c> parameter).</summary>
public enum Average
{
    /// <summary>The score of the positive class only (two classes).</summary>
    Binary,

    /// <summary>Global counts: total true positives over total predicted (or true) positives.</summary>
    Micro,

    /// <summary>The unweighted mean of the per-class scores.</summary>
    Macro,

    /// <summary>The mean of the per-class scores weighted by each class's support (its number of true samples).</summary>
    Weighted,

    /// <summary>No averaging: one score per class.</summary>
    None,
}

/// <summary>What a score is when its denominator is zero (scikit-learn's <c>zero_division</c>).</summary>
public enum ZeroDivision
{
    /// <summary>0, and a warning saying which score was ill-defined (scikit-learn's default, "warn").</summary>
    Warn,

    /// <summary>0, silently.</summary>
    Zero,

    /// <summary>1, silently.</summary>
    One,
}
