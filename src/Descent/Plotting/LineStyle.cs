namespace Descent.Plotting;

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
