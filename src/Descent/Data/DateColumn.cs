using System.Globalization;

namespace Descent.Data;

/// <summary>A column of dates (ISO-8601 as read, optionally with a time of day); a missing cell is null.</summary>
public sealed class DateColumn : TableColumn
{
    private const long Missing = long.MinValue;
    private readonly long[] _ticks;

    /// <summary>A column of <paramref name="cells"/> (null for a missing cell).</summary>
    public DateColumn(string name, IReadOnlyList<DateTime?> cells) : base(name, -1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _ticks = cells.Select(d => d?.Ticks ?? Missing).ToArray();
    }

    internal DateColumn(string name, long[] ticks, int sourceIndex) : base(name, sourceIndex) => _ticks = ticks;

    internal static long MissingTicks => Missing;

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Date;

    /// <inheritdoc />
    public override int Length => _ticks.Length;

    /// <summary>The date of row <paramref name="row"/>, or null when missing.</summary>
    public DateTime? this[int row] => _ticks[row] == Missing ? null : new DateTime(_ticks[row]);

    /// <inheritdoc />
    public override bool IsMissing(int row) => _ticks[row] == Missing;

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        var ticks = new long[rows.Count];
        for (int i = 0; i < ticks.Length; i++)
            ticks[i] = _ticks[rows[i]];
        return new DateColumn(Name, ticks, SourceIndex);
    }

    /// <inheritdoc />
    public override string? Text(int row)
    {
        if (this[row] is not { } date)
            return null;
        return date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }
}
