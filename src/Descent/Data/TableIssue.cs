namespace Descent.Data;

/// <summary>What is wrong with a column as read.</summary>
public enum TableIssueKind
{
    /// <summary>The column mixes numbers and text.</summary>
    MixedNumbersAndText,

    /// <summary>Text in a column that may not hold categories (categories are not detected, and it was not named).</summary>
    NotANumber,

    /// <summary>A number is written with a thousands separator, and none was given.</summary>
    ThousandsSeparator,

    /// <summary>A number is written with a decimal comma, and the decimal separator is '.'.</summary>
    DecimalComma,

    /// <summary>A number is infinite.</summary>
    Infinite,

    /// <summary>A cell of a date column is not a valid ISO-8601 date.</summary>
    BadDate,

    /// <summary>The delimiter leaves a single column although the header holds another separator.</summary>
    OneColumn,
}

/// <summary>
/// The first problem found in a column while reading (<see cref="TableReadOptions.CollectIssues"/>): its kind, the cell
/// (line, column, text as written), the separator involved, what is wrong (<see cref="Problem"/>, naming the cell) and
/// how to fix it with the library's options (<see cref="Hint"/>); a tool may give its own hint instead.
/// </summary>
public sealed record TableIssue(TableIssueKind Kind, string Source, long Line, int Column, string ColumnName, string Text,
    char? Separator, string Problem, string Hint)
{
    /// <summary>The problem and the hint: the message <see cref="TableReader"/> throws.</summary>
    public string Message => $"{Problem} {Hint}";

    /// <summary>"customers.csv, line 17, column 3 'income'".</summary>
    public string Where => Column < 0 ? $"{Source}, line {Line}" : $"{Source}, line {Line}, column {Column + 1} '{ColumnName}'";

    /// <summary>The issue as the exception <see cref="TableReader"/> throws when issues are not collected.</summary>
    public DescentDataException ToException()
    {
        var exception = new DescentDataException(Message, Source, Line, Column < 0 ? null : Column, ColumnName);
        exception.Data[nameof(TableIssue)] = this;
        return exception;
    }

    /// <summary>The issue an exception from <see cref="ToException"/> carries (so a tool can word its own fix), or null.</summary>
    public static TableIssue? Of(Exception exception) => exception?.Data[nameof(TableIssue)] as TableIssue;
}
