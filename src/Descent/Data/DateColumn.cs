using System.Globalization;

namespace Descent.Data;

/// <summary>A column of dates (ISO-8601 as read, optionally with a time of day); a missing cell is null.</summary>
public sealed class DateColumn : TableColumn
{
    private const long Missing = long.MinValue;
    private readonly long[] _ticks;   // the cells are its first _length entries (a reader's array may be longer)
    private readonly int _length;

    /// <summary>A column of <paramref name="cells"/> (null for a missing cell).</summary>
    public DateColumn(string name, IReadOnlyList<DateTime?> cells) : base(name, -1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _ticks = cells.Select(d => d?.Ticks ?? Missing).ToArray();
        _length = _ticks.Length;
    }

    internal DateColumn(string name, long[] ticks, int sourceIndex) : this(name, ticks, sourceIndex, ticks.Length)
    {
    }

    /// <summary>A column of the first <paramref name="length"/> entries of <paramref name="ticks"/> (used in place, not copied).</summary>
    internal DateColumn(string name, long[] ticks, int sourceIndex, int length) : base(name, sourceIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)ticks.Length, nameof(length));
        (_ticks, _length) = (ticks, length);
    }

    private ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, _length);

    internal static long MissingTicks => Missing;

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Date;

    /// <inheritdoc />
    public override int Length => _length;

    /// <summary>The date of row <paramref name="row"/>, or null when missing.</summary>
    public DateTime? this[int row] => Ticks[row] == Missing ? null : new DateTime(Ticks[row]);

    /// <inheritdoc />
    public override bool IsMissing(int row) => Ticks[row] == Missing;

    /// <inheritdoc />
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ReadOnlySpan<long> cells = Ticks;
        var ticks = new long[rows.Count];
        for (int i = 0; i < ticks.Length; i++)
            ticks[i] = cells[rows[i]];
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
