using System.Text;

namespace Descent.Data.Parsing;

/// <summary>
/// Turns records into a row of features and a target value: checks each record's field count against the header,
/// parses the selected feature fields (which must be finite numbers) and hands the target field to a
/// <see cref="TargetColumnBuilder"/>. One instance per block of records; <see cref="CsvReader"/> runs one over the
/// whole file, <see cref="ParallelCsvParser"/> one per block.
/// </summary>
internal sealed class CsvRowParser
{
    private readonly string _source;
    private readonly string[] _header;
    private readonly int[] _featureIndices;
    private readonly int _targetIndex;

    public CsvRowParser(string source, string[] header, int[] featureIndices, int targetIndex)
    {
        _source = source;
        _header = header;
        _featureIndices = featureIndices;
        _targetIndex = targetIndex;
        Rows = new RowStore(featureIndices.Length);
        Target = targetIndex < 0 ? null : new TargetColumnBuilder(source, header[targetIndex], targetIndex);
    }

    /// <summary>The parsed features.</summary>
    public RowStore Rows { get; }

    /// <summary>The target column, or null when there is none.</summary>
    public TargetColumnBuilder? Target { get; }

    /// <summary>Parses every remaining record of <paramref name="reader"/>.</summary>
    /// <exception cref="DescentDataException">A ragged record, or a feature that is not a finite number.</exception>
    public void ParseAll(CsvRecordReader reader)
    {
        int[] featureIndices = _featureIndices;
        while (reader.Read())
        {
            if (reader.FieldCount != _header.Length)
                throw CsvErrors.Ragged(_source, reader.Line, reader.FieldCount, _header);
            Span<double> row = Rows.NextRow();
            for (int k = 0; k < featureIndices.Length; k++)
            {
                ReadOnlySpan<byte> field = reader.Field(featureIndices[k]);
                if (!Utf8Double.TryParse(field, out double value) || !double.IsFinite(value))
                    throw BadFeature(reader.Line, featureIndices[k], field);
                row[k] = value;
            }
            Target?.Add(reader.Field(_targetIndex), reader.Line);
            Rows.Commit();
        }
    }

    private DescentDataException BadFeature(long line, int column, ReadOnlySpan<byte> field)
    {
        string text = Encoding.UTF8.GetString(field);
        bool missing = field.IsEmpty || (Utf8Double.TryParse(field, out double value) && !double.IsFinite(value));
        return missing
            ? CsvErrors.MissingValue(_source, line, column, _header[column], text, isTarget: false)
            : CsvErrors.NotANumber(_source, line, column, _header[column], text);
    }
}
