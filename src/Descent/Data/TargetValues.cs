namespace Descent.Data;

/// <summary>
/// A target column as read, shared by <see cref="Dataset"/> and <see cref="Table"/>: its numbers (null when a value is
/// not a number), its text exactly as written (null for a numeric target with too many distinct values to be labels),
/// and the error a regressor raises on the first non-numeric value.
/// </summary>
internal sealed record TargetValues(string? Name, double[]? Numbers, IReadOnlyList<string>? Labels, string? Source,
    DescentDataException? NonNumeric)
{
    public static TargetValues None(string? source) => new(null, null, null, source, null);

    private string SourceName => Source ?? "dataset";

    /// <summary>The numeric target, for a regressor.</summary>
    public double[] RequireNumbers()
    {
        if (Numbers is not null)
            return Numbers;
        if (NonNumeric is not null)
            throw NonNumeric;
        if (Name is null)
            throw new DescentDataException($"{SourceName}: the data has no target column; name one (e.g. --target COLUMN).", Source);
        throw new DescentDataException($"{SourceName}: the target '{Name}' is not numeric; a regressor needs numbers.",
            Source, columnName: Name);
    }

    /// <summary>The target as class labels, as written.</summary>
    public ClassLabels RequireClassLabels()
    {
        if (Labels is not null)
            return ClassLabels.FromText(Labels);
        if (Numbers is not null)
            return ClassLabels.FromNumbers(Numbers);
        throw new DescentDataException($"{SourceName}: the data has no target column; name one (e.g. --target COLUMN).", Source);
    }

    /// <summary>The values of rows <paramref name="rows"/>.</summary>
    public TargetValues Take(IReadOnlyList<int> rows) => this with
    {
        Numbers = Numbers is { } n ? rows.Select(i => n[i]).ToArray() : null,
        Labels = Labels is { } l ? rows.Select(i => l[i]).ToArray() : null,
    };
}
