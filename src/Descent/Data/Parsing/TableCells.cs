namespace Descent.Data.Parsing;

/// <summary>
/// How a table cell's bytes are read: missing-value spellings, numbers with the chosen decimal and thousands
/// separators, numbers written with a separator that was not chosen (to name them instead of guessing), and ISO-8601
/// dates (<c>2024-03-31</c>, optionally followed by <c>T</c> or a space and <c>HH:mm[:ss[.fff]]</c>, and <c>Z</c> or an offset).
/// </summary>
internal static class TableCells
{
    /// <summary>Empty, or NA, N/A, n/a, null, NULL, ? (NaN in any case parses as a number and is missing too).</summary>
    public static bool IsMissing(ReadOnlySpan<byte> cell) => cell.Length switch
    {
        0 => true,
        1 => cell[0] == (byte)'?',
        2 => cell.SequenceEqual("NA"u8),
        3 => cell.SequenceEqual("N/A"u8) || cell.SequenceEqual("n/a"u8),
        4 => cell.SequenceEqual("null"u8) || cell.SequenceEqual("NULL"u8),
        _ => false,   // most cells: one comparison
    };

    /// <summary>The number written in <paramref name="cell"/> with these separators ('.' decimals and no thousands: the fast path).</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> cell, byte decimalSeparator, byte? thousands, out double value) =>
        decimalSeparator == (byte)'.' && thousands is null
            ? Utf8Double.TryParse(cell, out value)
            : TryParseWithSeparators(cell, decimalSeparator, thousands, out value);

    /// <summary>
    /// The number written with a decimal comma or a thousands separator, rewritten as '.' decimals on the stack and
    /// parsed. (Its own method: a method that allocates on the stack is compiled once, fully, without tiering, so the
    /// common path above lost profile-guided optimisation and inlining into its callers while it lived here too.)
    /// </summary>
    private static bool TryParseWithSeparators(ReadOnlySpan<byte> cell, byte decimalSeparator, byte? thousands, out double value)
    {
        if (cell.Length > 128)
        {
            value = 0;
            return false;
        }
        Span<byte> normal = stackalloc byte[cell.Length];
        int length = 0, integerDigits = 0, group = -1;
        bool inFraction = false, inExponent = false;
        foreach (byte b in cell)
        {
            if (thousands is byte t && b == t && !inFraction && !inExponent)
            {
                if (integerDigits == 0 || (group < 0 && integerDigits > 3) || (group >= 0 && group != 3))
                {
                    value = 0;
                    return false;
                }
                group = 0;
                continue;
            }
            if (b == decimalSeparator)
            {
                inFraction = true;
                normal[length++] = (byte)'.';
                continue;
            }
            if (b == (byte)'.' && decimalSeparator != (byte)'.')
            {
                value = 0;
                return false;
            }
            if ((b | 0x20) == (byte)'e')
                inExponent = true;
            if (b is >= (byte)'0' and <= (byte)'9' && !inFraction && !inExponent)
            {
                integerDigits++;
                if (group >= 0)
                    group++;
            }
            normal[length++] = b;
        }
        if (group >= 0 && group != 3)
        {
            value = 0;
            return false;
        }
        return Utf8Double.TryParse(normal[..length], out value);
    }

    /// <summary>
    /// The thousands separator a non-number cell seems written with (digits in groups of three after 1–3 digits, an
    /// optional fraction: "41,522.72", "1.234.567", "1 234"), or null.
    /// </summary>
    public static byte? ThousandsSeparatorIn(ReadOnlySpan<byte> cell, byte decimalSeparator)
    {
        foreach (byte separator in ",. '"u8)
        {
            if (separator == decimalSeparator || cell.IndexOf(separator) < 0)
                continue;
            if (TryParseNumber(cell, decimalSeparator, separator, out _))
                return separator;
        }
        return null;
    }

    /// <summary>True when the cell would be a number with a decimal comma ("1,5") and the decimal separator is '.'.</summary>
    public static bool IsDecimalComma(ReadOnlySpan<byte> cell, byte decimalSeparator) =>
        decimalSeparator == (byte)'.' && cell.IndexOf((byte)',') >= 0 && TryParseNumber(cell, (byte)',', null, out _);

    /// <summary>True when the cell starts like an ISO date (dddd-dd-dd).</summary>
    public static bool LooksLikeDate(ReadOnlySpan<byte> cell) =>
        cell.Length >= 10 && IsDigits(cell[..4]) && cell[4] == (byte)'-' && IsDigits(cell.Slice(5, 2)) && cell[7] == (byte)'-'
        && IsDigits(cell.Slice(8, 2));

    /// <summary>The ISO-8601 date (and time) in <paramref name="cell"/>; an offset or 'Z' is accepted and the time kept as written.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> cell, out DateTime value)
    {
        value = default;
        if (!LooksLikeDate(cell))
            return false;
        int year = Number(cell[..4]), month = Number(cell.Slice(5, 2)), day = Number(cell.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        var date = new DateTime(year, month, day);
        ReadOnlySpan<byte> rest = cell[10..];
        if (rest.IsEmpty)
        {
            value = date;
            return true;
        }
        if (rest[0] is not ((byte)'T' or (byte)' ') || rest.Length < 6 || !IsDigits(rest.Slice(1, 2)) || rest[3] != (byte)':'
            || !IsDigits(rest.Slice(4, 2)))
            return false;
        int hour = Number(rest.Slice(1, 2)), minute = Number(rest.Slice(4, 2));
        double seconds = 0;
        rest = rest[6..];
        if (rest.Length >= 3 && rest[0] == (byte)':' && IsDigits(rest.Slice(1, 2)))
        {
            seconds = Number(rest.Slice(1, 2));
            rest = rest[3..];
            if (rest.Length >= 2 && rest[0] == (byte)'.')
            {
                int digits = 1;
                while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
                    digits++;
                if (digits == 1)
                    return false;
                seconds += Number(rest.Slice(1, Math.Min(digits - 1, 7))) / Math.Pow(10, Math.Min(digits - 1, 7));
                rest = rest[digits..];
            }
        }
        bool offset = rest.IsEmpty || rest.SequenceEqual("Z"u8)
            || (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && IsDigits(rest.Slice(1, 2)) && rest[3] == (byte)':' && IsDigits(rest.Slice(4, 2)));
        if (!offset || hour > 23 || minute > 59 || seconds >= 60)
            return false;
        value = date.AddTicks((long)Math.Round((hour * 3600 + minute * 60 + seconds) * TimeSpan.TicksPerSecond));
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
            if (b is < (byte)'0' or > (byte)'9')
                return false;
        return true;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte b in digits)
            value = value * 10 + (b - '0');
        return value;
    }
}
