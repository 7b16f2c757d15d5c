namespace Descent.Numerics;

/// <summary>The shape of a matrix: (rows, columns). Prints as "rows×columns", the form error messages use.</summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
public readonly record struct Shape(int Rows, int Columns)
{
    /// <summary>"rows×columns".</summary>
    public override string ToString() => $"{Rows}×{Columns}";
}
