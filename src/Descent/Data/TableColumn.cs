namespace Descent.Data;

/// <summary>
/// One column of a <see cref="Table"/>: a name, a kind and one cell per row, any of which may be missing. Columns are
/// immutable; <see cref="Take"/> copies the rows asked for.
/// </summary>
public abstract class TableColumn
{
    private protected TableColumn(string name, int sourceIndex)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        SourceIndex = sourceIndex;
    }

    /// <summary>The column's name (its header).</summary>
    public string Name { get; }

    /// <summary>The 0-based position of the column in the file it was read from, or -1 (used in error messages).</summary>
    public int SourceIndex { get; }

    /// <summary>Numbers, categories or dates.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>True when row <paramref name="row"/>'s cell is missing (empty, or NA, NaN, null, ? as written).</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of missing cells.</summary>
    public int MissingCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < Length; i++)
                if (IsMissing(i))
                    count++;
            return count;
        }
    }

    /// <summary>The index of the first missing cell, or -1.</summary>
    public int FirstMissing()
    {
        for (int i = 0; i < Length; i++)
            if (IsMissing(i))
                return i;
        return -1;
    }

    /// <summary>A column of the same name and kind holding the rows <paramref name="rows"/>, in that order.</summary>
    public abstract TableColumn Take(IReadOnlyList<int> rows);

    /// <summary>The cell as text (numbers in shortest round-trip form, dates in ISO form), or null when missing.</summary>
    public abstract string? Text(int row);
}
