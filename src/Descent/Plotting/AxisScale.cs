namespace Descent.Plotting;

/// <summary>How data values map to positions along an axis.</summary>
public enum AxisScale
{
    /// <summary>Position proportional to the value.</summary>
    Linear,

    /// <summary>Position proportional to log10 of the value; only positive values can be shown.</summary>
    Log,
}

/// <summary>Where an axes draws its legend.</summary>
public enum LegendPosition
{
    /// <summary>The inner corner that covers the fewest data points.</summary>
    Auto,
    /// <summary>Upper right corner, inside the plot.</summary>
    UpperRight,
    /// <summary>Upper left corner, inside the plot.</summary>
    UpperLeft,
    /// <summary>Lower right corner, inside the plot.</summary>
    LowerRight,
    /// <summary>Lower left corner, inside the plot.</summary>
    LowerLeft,
    /// <summary>No legend.</summary>
    None,
}

/// <summary>Shapes of scatter markers; each class of a classifier gets its own so classes differ without colour.</summary>
public enum MarkerShape
{
    /// <summary>A filled circle.</summary>
    Circle,
    /// <summary>A filled square.</summary>
    Square,
    /// <summary>A filled triangle pointing up.</summary>
    TriangleUp,
    /// <summary>A filled diamond.</summary>
    Diamond,
    /// <summary>A filled triangle pointing down.</summary>
    TriangleDown,
    /// <summary>A plus sign (stroked).</summary>
    Plus,
    /// <summary>An x (stroked).</summary>
    Cross,
}

/// <summary>Dash pattern of a line.</summary>
public enum LineStyle
{
    /// <summary>A continuous line.</summary>
    Solid,
    /// <summary>Long dashes.</summary>
    Dashed,
    /// <summary>Dots.</summary>
    Dotted,
}
