namespace Descent.Plotting;

/// <summary>
/// Where an axes draws its legend. A legend never covers what is drawn: a corner is used only when no point, line or
/// text lies under it; when every inner corner would cover something, the legend goes below the plot.
/// </summary>
public enum LegendPosition
{
    /// <summary>The first free inner corner (upper right, upper left, lower right, lower left), else below the plot.</summary>
    Auto,
    /// <summary>Upper right corner, inside the plot, when it is free; else as <see cref="Auto"/>.</summary>
    UpperRight,
    /// <summary>Upper left corner, inside the plot, when it is free; else as <see cref="Auto"/>.</summary>
    UpperLeft,
    /// <summary>Lower right corner, inside the plot, when it is free; else as <see cref="Auto"/>.</summary>
    LowerRight,
    /// <summary>Lower left corner, inside the plot, when it is free; else as <see cref="Auto"/>.</summary>
    LowerLeft,
    /// <summary>Below the plot, under the x label, the entries flowing in rows across the axes' width.</summary>
    Below,
    /// <summary>No legend.</summary>
    None,
}
