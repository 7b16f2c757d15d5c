namespace Descent.Data;

/// <summary>
/// A column of categories: each cell is one of <see cref="Categories"/> (text exactly as written), stored as its index
/// (<see cref="Codes"/>; -1 where the cell is missing). Categories are listed in order of first appearance.
/// </summary>
public sealed class CategoricalColumn : TableColumn
{
    private readonly int[] _codes;   // the cells are its first _length entries (a reader's array may be longer)
    private readonly int _length;
    private readonly string[] _categories;

    /// <summary>A column of <paramref name="cells"/> (null for a missing cell).</summary>
    public CategoricalColumn(string name, IReadOnlyList<string?> cells) : base(name, -1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        _codes = new int[cells.Count];
        _length = _codes.Length;
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

    internal CategoricalColumn(string name, int[] codes, string[] categories, int sourceIndex)
        : this(name, codes, categories, sourceIndex, codes.Length)
    {
    }

    /// <summary>A column of the first <paramref name="length"/> entries of <paramref name="codes"/> (used in place, not copied).</summary>
    internal CategoricalColumn(string name, int[] codes, string[] categories, int sourceIndex, int length) : base(name, sourceIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)codes.Length, nameof(length));
        (_codes, _categories, _length) = (codes, categories, length);
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Category;

    /// <inheritdoc />
    public override int Length => _length;

    /// <summary>The distinct values, in order of first appearance (some may not occur in a column made by <see cref="Take"/>).</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Each row's index into <see cref="Categories"/>, or -1 when the cell is missing.</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, _length);

    /// <summary>The category of row <paramref name="row"/>, or null when missing.</summary>
    public string? this[int row] => Codes[row] < 0 ? null : _categories[Codes[row]];

    /// <inheritdoc />
    public override bool IsMissing(int row) => Codes[row] < 0;

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ReadOnlySpan<int> cells = Codes;
        var codes = new int[rows.Count];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = cells[rows[i]];
        return new CategoricalColumn(Name, codes, _categories, SourceIndex);
    }

    /// <inheritdoc />
    public override string? Text(int row) => this[row];
}
