namespace Descent.Data;

/// <summary>
/// A column of categories: each cell is one of <see cref="Categories"/> (text exactly as written), stored as its index
/// (<see cref="Codes"/>; -1 where the cell is missing). Categories are listed in order of first appearance.
/// </summary>
public sealed class CategoricalColumn : TableColumn
{
    private readonly int[] _codes;
    private readonly string[] _categories;

    /// <summary>A column of <paramref name="cells"/> (null for a missing cell).</summary>
    public CategoricalColumn(string name, IReadOnlyList<string?> cells) : base(name, -1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        _codes = new int[cells.Count];
        for (int i = 0; i < _codes.Length; i++)
        {
            if (cells[i] is not { } text)
            {
                _codes[i] = -1;
                continue;
            }
            if (!index.TryGetValue(text, out int code))
            {
                code = categories.Count;
                index.Add(text, code);
                categories.Add(text);
            }
            _codes[i] = code;
        }
        _categories = [.. categories];
    }

    internal CategoricalColumn(string name, int[] codes, string[] categories, int sourceIndex) : base(name, sourceIndex)
    {
        _codes = codes;
        _categories = categories;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Category;

    /// <inheritdoc />
    public override int Length => _codes.Length;

    /// <summary>The distinct values, in order of first appearance (some may not occur in a column made by <see cref="Take"/>).</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Each row's index into <see cref="Categories"/>, or -1 when the cell is missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The category of row <paramref name="row"/>, or null when missing.</summary>
    public string? this[int row] => _codes[row] < 0 ? null : _categories[_codes[row]];

    /// <inheritdoc />
    public override bool IsMissing(int row) => _codes[row] < 0;

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        var codes = new int[rows.Count];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = _codes[rows[i]];
        return new CategoricalColumn(Name, codes, _categories, SourceIndex);
    }

    /// <inheritdoc />
    public override string? Text(int row) => this[row];
}
