using System.Globalization;
using Descent.Data;
using Parquet;
using Parquet.Schema;

namespace Descent.Parquet;

/// <summary>
/// Reads a Parquet file into a <see cref="Table"/> through Parquet.Net (fully managed): numeric columns (integers,
/// floats, decimals, booleans as 0/1) as numbers, string columns as categories, date and timestamp columns as dates,
/// nulls as missing cells. The target column, when named, is kept as written (numbers in shortest round-trip form).
/// A separate assembly, so that the core library does not depend on Parquet.Net.
/// </summary>
public static class ParquetTableReader
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>True when the file at <paramref name="path"/> is named .parquet or starts with Parquet's magic bytes.</summary>
    public static bool LooksLikeParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            return true;
        using var stream = File.OpenRead(path);
        var head = new byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.AsSpan().SequenceEqual(Magic);
    }

    /// <summary>Reads the Parquet file at <paramref name="path"/>; <see cref="TableReadOptions.Target"/>, <see cref="TableReadOptions.Features"/>
    /// and <see cref="TableReadOptions.Exclude"/> choose the columns (the CSV settings do not apply).</summary>
    /// <exception cref="DescentDataException">The file is not Parquet, is damaged, or lacks a named column.</exception>
    public static Table Read(string path, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TableReadOptions();
        using var stream = File.OpenRead(path);
        var head = new byte[4];
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.AsSpan().SequenceEqual(Magic))
            throw new DescentDataException($"{path} is not a Parquet file (it does not start with the bytes 'PAR1'); " +
                "give a Parquet file, or name a CSV file without the .parquet extension.", path);
        stream.Position = 0;
        try
        {
            return ReadAsync(stream, path, options).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not DescentDataException and (IOException or InvalidDataException or NotSupportedException
            or InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException))
        {
            throw new DescentDataException($"{path}: not a valid Parquet file, or a damaged one ({e.Message}).", path, innerException: e);
        }
    }

    private static async Task<Table> ReadAsync(Stream stream, string path, TableReadOptions options)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, false, default).ConfigureAwait(false);
        DataField[] fields = reader.Schema.GetDataFields().Where(f => !f.IsArray).ToArray();
        string[] names = fields.Select(f => f.Name).ToArray();
        string? targetName = options.Target ?? (options.LastColumnIsTarget ? names[^1] : null);
        if (targetName is not null && !names.Contains(targetName))
            throw Missing(path, targetName, "target", names);
        var chosen = options.Features ?? names.Where(n => n != targetName && !(options.Exclude?.Contains(n) ?? false)).ToArray();
        foreach (string name in chosen.Concat(options.Exclude ?? []))
            if (!names.Contains(name))
                throw Missing(path, name, "feature", names);
        int rows = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var columns = new List<TableColumn>();
        string[]? target = null;
        foreach (var field in fields)
        {
            bool isTarget = field.Name == targetName;
            if (!isTarget && !chosen.Contains(field.Name))
                continue;
            var values = await ReadColumnAsync(reader, field, rows).ConfigureAwait(false);
            if (isTarget)
                target = values.Select(v => Text(v) ?? "").ToArray();
            else
                columns.Add(ToColumn(field, values));
        }
        var ordered = chosen.Select(n => columns.First(c => c.Name == n)).ToArray();
        var table = new Table(ordered, path);
        return target is null ? table : table.WithTarget(targetName!, target);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetReader reader, DataField field, int rows)
    {
        var all = new object?[rows];
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            object?[] part = await ReadGroupAsync(group, field, count).ConfigureAwait(false);
            part.CopyTo(all, offset);
            offset += count;
        }
        return all;
    }

    private static async Task<object?[]> ReadGroupAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        Type type = System.Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (IsText(type))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, default).ConfigureAwait(false);
            return strings;
        }
        return type switch
        {
            _ when type == typeof(double) => await ReadValuesAsync<double>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(float) => await ReadValuesAsync<float>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(int) => await ReadValuesAsync<int>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(long) => await ReadValuesAsync<long>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(short) => await ReadValuesAsync<short>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(byte) => await ReadValuesAsync<byte>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(sbyte) => await ReadValuesAsync<sbyte>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(bool) => await ReadValuesAsync<bool>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(group, field, count).ConfigureAwait(false),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(group, field, count).ConfigureAwait(false),
            _ => throw new NotSupportedException($"column '{field.Name}' is of Parquet type {type.Name}, which Descent does not read"),
        };
    }

    private static async Task<object?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[count];
            await group.ReadAsync(field, values.AsMemory(), null, default).ConfigureAwait(false);
            return values.Select(v => v.HasValue ? (object)v.Value : null).ToArray();
        }
        var plain = new T[count];
        await group.ReadAsync(field, plain.AsMemory(), null, default).ConfigureAwait(false);
        return plain.Select(v => (object?)v).ToArray();
    }

    private static TableColumn ToColumn(DataField field, object?[] values)
    {
        Type type = System.Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (IsText(type))
            return new CategoricalColumn(field.Name, values.Select(v => (string?)v).ToArray());
        if (type == typeof(DateTime) || type == typeof(DateOnly))
            return new DateColumn(field.Name, values.Select(v => v switch
            {
                DateTime d => d,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                _ => (DateTime?)null,
            }).ToArray());
        return new NumericColumn(field.Name, values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Parquet.Net 6 gives UTF-8 string columns the CLR type string or ReadOnlyMemory&lt;char&gt;.</summary>
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DescentDataException Missing(string path, string name, string role, IReadOnlyList<string> names) =>
        new($"{path} has no column '{name}' (the {role}); its columns are {string.Join(", ", names.Take(12).Select(n => $"'{n}'"))}" +
            $"{(names.Count > 12 ? ", …" : "")}.", path, columnName: name);
}
