namespace Descent.Plotting;

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
    /// <summary>An open circle (stroked): a ring drawn around a point to single it out.</summary>
    Ring,
}
