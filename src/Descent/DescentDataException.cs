namespace Descent;

/// <summary>
/// Bad input data: a value that is not a number, a NaN, a ragged row, a missing column. Carries where it is
/// (file, 1-based line/row, column index and name) so the CLI can print one precise <c>error:</c> line.
/// </summary>
public sealed class DescentDataException : ArgumentException
{
    /// <summary>An error with its message and, where known, its location.</summary>
    public DescentDataException(string message, string? file = null, long? row = null, int? column = null,
        string? columnName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Row = row;
        Column = column;
        ColumnName = columnName;
    }

    /// <summary>The file the data came from, when it came from one.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the file, or the 0-based row of an array, when known.</summary>
    public long? Row { get; }

    /// <summary>The 0-based column index, when known.</summary>
    public int? Column { get; }

    /// <summary>The column's name, when known.</summary>
    public string? ColumnName { get; }
}
