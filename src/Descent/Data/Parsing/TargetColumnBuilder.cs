using System.Text;

namespace Descent.Data.Parsing;

/// <summary>
/// Collects the target column row by row: its numeric value when it is a number, and its text exactly as written
/// (interned, so a class column of a million rows holds a handful of strings). When the column is all numbers
/// with more than <see cref="CsvReader.MaxDistinctNumericLabels"/> distinct values it is a regression target and
/// the text is dropped to save memory.
/// </summary>
internal sealed class TargetColumnBuilder
{
    private readonly string _source;
    private readonly string _name;
    private readonly int _column;
    private readonly List<double> _numbers = [];
    private readonly List<string> _labels = [];
    private List<string>? _distinct = [];
    private Dictionary<string, string>? _intern = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];

    private readonly byte _decimal;
    private readonly byte? _thousands;

    /// <summary>A builder of the target column <paramref name="name"/>; numbers are read with the given separators.</summary>
    public TargetColumnBuilder(string source, string name, int column, char decimalSeparator = '.', char? thousands = null)
    {
        _source = source;
        _name = name;
        _column = column;
        _decimal = (byte)decimalSeparator;
        _thousands = thousands is char t ? (byte)t : null;
    }

    /// <summary>The first cell that is not a number, as the error a regressor raises, or null.</summary>
    public DescentDataException? FirstNonNumeric { get; private set; }

    /// <summary>Adds the target cell of the record on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<byte> field, long line)
    {
        if (field.IsEmpty)
            throw CsvErrors.MissingValue(_source, line, _column, _name, "", isTarget: true);
        bool isNumber = TableCells.TryParseNumber(field, _decimal, _thousands, out double value);
        if (isNumber && !double.IsFinite(value))
            throw CsvErrors.MissingValue(_source, line, _column, _name, Encoding.UTF8.GetString(field), isTarget: true);
        _numbers.Add(isNumber ? value : double.NaN);
        if (!isNumber && FirstNonNumeric is null)
            FirstNonNumeric = CsvErrors.NonNumericTarget(_source, line, _column, _name, Encoding.UTF8.GetString(field));
        if (_intern is null)
        {
            if (!isNumber)
                throw CsvErrors.TooManyNumericLabels(_source, line, _column, _name, Encoding.UTF8.GetString(field));
            return;
        }
        _labels.Add(Intern(field, line));
        if (_distinct!.Count > CsvReader.MaxDistinctNumericLabels && FirstNonNumeric is null)
        {
            _intern = null;
            _distinct = null;
            _labels.Clear();
            _labels.TrimExcess();
        }
    }

    /// <summary>
    /// The target of consecutive blocks read by separate builders, in order: numbers when every block's are
    /// numeric, labels when every block kept them (dropped when all numeric with more than the cap of distinct
    /// values overall), and the first non-numeric cell of the earliest block that has one.
    /// </summary>
    public static (double[]? Numbers, string[]? Labels, DescentDataException? FirstNonNumeric) Merge(IReadOnlyList<TargetColumnBuilder> blocks)
    {
        DescentDataException? firstNonNumeric = blocks.Select(b => b.FirstNonNumeric).FirstOrDefault(e => e is not null);
        double[]? numbers = null;
        if (firstNonNumeric is null)
        {
            numbers = new double[blocks.Sum(b => b._numbers.Count)];
            int offset = 0;
            foreach (var block in blocks)
            {
                block._numbers.CopyTo(numbers, offset);
                offset += block._numbers.Count;
            }
        }
        bool keepLabels = blocks.All(b => b._intern is not null);
        if (keepLabels && firstNonNumeric is null)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var block in blocks)
            {
                distinct.UnionWith(block._distinct!);
                if (distinct.Count > CsvReader.MaxDistinctNumericLabels)
                {
                    keepLabels = false;
                    break;
                }
            }
        }
        string[]? labels = keepLabels ? blocks.SelectMany(b => b._labels).ToArray() : null;
        return (numbers, labels, firstNonNumeric);
    }

    private string Intern(ReadOnlySpan<byte> field, long line)
    {
        if (_chars.Length < field.Length)
            _chars = new char[field.Length * 2];
        int length = Encoding.UTF8.GetChars(field, _chars);
        var lookup = _intern!.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> text = _chars.AsSpan(0, length);
        // Invalid bytes decode to U+FFFD; a label must come back exactly as written, so they are an error.
        if (text.Contains('\uFFFD') && !System.Text.Unicode.Utf8.IsValid(field))
            throw CsvErrors.NotUtf8(_source, line, _column, _name, field);
        if (lookup.TryGetValue(text, out string? existing))
            return existing;
        string label = new(text);
        _intern.Add(label, label);
        _distinct!.Add(label);
        return label;
    }
}
