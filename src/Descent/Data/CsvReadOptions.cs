namespace Descent.Data;

/// <summary>Which columns <see cref="CsvReader"/> reads, and how.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The target column's name, or null for none (unless <see cref="LastColumnIsTarget"/>).</summary>
    public string? Target { get; init; }

    /// <summary>When <see cref="Target"/> is null: take the last column as the target (the embedded datasets' layout).</summary>
    public bool LastColumnIsTarget { get; init; }

    /// <summary>The feature columns, in the order wanted; null for every column except the target.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The field separator (default ',').</summary>
    public char Delimiter { get; init; } = ',';
}
