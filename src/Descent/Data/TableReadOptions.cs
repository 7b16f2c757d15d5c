namespace Descent.Data;

/// <summary>How <see cref="TableReader"/> reads a user's table: which columns, the separators, which columns are categories.</summary>
public sealed record TableReadOptions
{
    /// <summary>The target column's name, or null for none (unless <see cref="LastColumnIsTarget"/>).</summary>
    public string? Target { get; init; }

    /// <summary>When <see cref="Target"/> is null: take the last column as the target (the embedded datasets' layout).</summary>
    public bool LastColumnIsTarget { get; init; }

    /// <summary>The feature columns, in the order wanted; null for every column except the target and <see cref="Exclude"/>.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Columns left out of the features (the complement of <see cref="Features"/>; giving both is an error).</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>The field separator; null detects it from the header line among ',' ';' tab '|' (the most frequent outside
    /// quotes; ties go to ',', or to ';' when <see cref="Decimal"/> is ',').</summary>
    public char? Delimiter { get; init; }

    /// <summary>The decimal separator, '.' (default) or ','.</summary>
    public char Decimal { get; init; } = '.';

    /// <summary>A thousands separator inside numbers ("41,522.72" with ','), or null for none: a cell written with one
    /// is then an error that names it.</summary>
    public char? Thousands { get; init; }

    /// <summary>
    /// Which feature columns are categories: null (default) detects them — a column in which no cell is a number is
    /// categorical, one that mixes numbers and text is an error; an empty list makes none categorical (text is an
    /// error); a list names exactly the categorical columns (their cells kept as written, numbers included).
    /// </summary>
    public IReadOnlyList<string>? CategoricalColumns { get; init; }

    /// <summary>
    /// False (default): the first problem in a column (text among numbers, a thousands separator without
    /// <see cref="Thousands"/>, a date that does not parse, an infinite number) throws. True: each column's first problem
    /// is recorded in <see cref="Table.Issues"/> and reading goes on (the column becomes categorical text, or the
    /// cell is read as well as it can be), for tools that describe data instead of fitting it.
    /// </summary>
    public bool CollectIssues { get; init; }
}
