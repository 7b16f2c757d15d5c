namespace Descent.Preprocessing;

/// <summary>What <see cref="SimpleImputer"/> fills a missing cell with (scikit-learn's strategy).</summary>
public enum ImputeStrategy
{
    /// <summary>The column's mean (numbers only).</summary>
    Mean,

    /// <summary>The column's median (numbers only).</summary>
    Median,

    /// <summary>The most frequent value; ties go to the smallest (numbers by value, text by ordinal order).</summary>
    MostFrequent,

    /// <summary><see cref="SimpleImputer.FillValue"/> (numbers) or <see cref="SimpleImputer.FillText"/> (categories).</summary>
    Constant,
}
