using System.Text;
using Descent.Data.Parsing;

namespace Descent.Data;

/// <summary>
/// The records of a CSV file exactly as written (bytes, quotes included), with the header, for tools that pass rows
/// through unchanged (a train/test split of the file). Blank lines are skipped, ragged records refused, as by
/// <see cref="CsvReader"/>; any one column can be read as text for stratifying.
/// </summary>
public sealed class CsvRows
{
    private readonly byte[][] _records;
    private readonly string[] _header;
    private readonly string? _keptName;
    private readonly string[] _kept;

    private CsvRows(byte[] headerBytes, string[] header, byte[][] records, string? keptName, string[] kept)
    {
        HeaderBytes = headerBytes;
        _header = header;
        _records = records;
        _keptName = keptName;
        _kept = kept;
    }

    /// <summary>The header line as written.</summary>
    public byte[] HeaderBytes { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>Number of records (data rows).</summary>
    public int Count => _records.Length;

    /// <summary>Record <paramref name="row"/> as written, without its line break.</summary>
    public ReadOnlySpan<byte> Record(int row) => _records[row];

    /// <summary>The cells of column <paramref name="name"/> as text, one per record (kept when the file was read).</summary>
    /// <exception cref="DescentDataException">The column was not kept.</exception>
    public IReadOnlyList<string> Column(string name) =>
        name == _keptName ? _kept : throw new DescentDataException($"CsvRows: column '{name}' was not kept when reading.");

    /// <summary>Reads every record of <paramref name="stream"/> (disposed), keeping the text of column <paramref name="keep"/> when given.</summary>
    /// <exception cref="DescentDataException">The file is empty, has no data rows, a ragged record, or no column <paramref name="keep"/>.</exception>
    public static CsvRows Read(Stream stream, string source, char? delimiter = null, string? keep = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CsvRecordReader(stream, source, ',') { KeepRawRecords = true };
        reader.Delimiter = delimiter ?? TableReader.Detect(reader.PeekFirstLine(), '.');
        if (!reader.Read())
            throw CsvErrors.Empty(source);
        byte[] headerBytes = reader.RawRecord.ToArray();
        string[] header = CsvReader.ReadHeader(reader, source);
        int keepIndex = keep is null ? -1 : CsvReader.ResolveTarget(header, keep, false, source);
        var records = new List<byte[]>();
        var kept = new List<string>();
        while (reader.Read())
        {
            if (reader.FieldCount != header.Length)
                throw CsvErrors.Ragged(source, reader.Line, reader.FieldCount, header);
            records.Add(reader.RawRecord.ToArray());
            if (keepIndex >= 0)
                kept.Add(Encoding.UTF8.GetString(reader.Field(keepIndex)));
        }
        if (records.Count == 0)
            throw CsvErrors.HeaderOnly(source, header.Length);
        return new CsvRows(headerBytes, header, [.. records], keep, [.. kept]);
    }
}
