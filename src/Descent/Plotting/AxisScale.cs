namespace Descent.Plotting;

/// <summary>How data values map to positions along an axis.</summary>
public enum AxisScale
{
    /// <summary>Position proportional to the value.</summary>
    Linear,

    /// <summary>Position proportional to log10 of the value; only positive values can be shown.</summary>
    Log,
}

