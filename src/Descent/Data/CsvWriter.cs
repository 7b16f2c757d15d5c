using System.Globalization;

namespace Descent.Data;

/// <summary>
/// Writes a <see cref="Dataset"/> as CSV that <see cref="CsvReader"/> (and numpy, pandas, spreadsheets) read back
/// exactly: a header row, the features in shortest round-trip form (invariant culture, so every double reads back
/// bit for bit), then the target as its labels were written (or its numbers). Fields holding the delimiter, a quote,
/// a line break or surrounding spaces are quoted (RFC 4180). Lines end with '\n'.
/// </summary>
public static class CsvWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="writer"/>.</summary>
    public static void Write(Dataset data, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(writer);
        var header = new List<string>(data.FeatureNames);
        if (data.TargetName is not null)
            header.Add(data.TargetName);
        for (int j = 0; j < header.Count; j++)
        {
            if (j > 0)
                writer.Write(',');
            writer.Write(Quote(header[j]));
        }
        writer.Write('\n');

        Span<char> number = stackalloc char[32];
        var features = data.Features;
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < features.Columns; j++)
            {
                if (j > 0)
                    writer.Write(',');
                features[i, j].TryFormat(number, out int written, "R", CultureInfo.InvariantCulture);
                writer.Write(number[..written]);
            }
            if (data.TargetName is not null)
            {
                writer.Write(',');
                if (data.TargetLabels is not null)
                    writer.Write(Quote(data.TargetLabels[i]));
                else
                    writer.Write(data.Target![i].ToString("R", CultureInfo.InvariantCulture));
            }
            writer.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="data"/> as UTF-8 (no byte-order mark) to <paramref name="stream"/>, leaving it open.</summary>
    public static void Write(Dataset data, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(data, writer);
    }

    /// <summary>The field as written in CSV: unchanged, or quoted with inner quotes doubled when it needs quoting.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        bool needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
