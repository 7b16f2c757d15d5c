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

    public TargetColumnBuilder(string source, string name, int column)
    {
        _source = source;
        _name = name;
        _column = column;
    }

    /// <summary>The first cell that is not a number, as the error a regressor raises, or null.</summary>
    public DescentDataException? FirstNonNumeric { get; private set; }

    /// <summary>Adds the target cell of the record on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<byte> field, long line)
    {
        if (field.IsEmpty)
            throw CsvErrors.MissingValue(_source, line, _column, _name, "", isTarget: true);
        bool isNumber = Utf8Double.TryParse(field, out double value);
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
        _labels.Add(Intern(field));
        if (_distinct!.Count > CsvReader.MaxDistinctNumericLabels && FirstNonNumeric is null)
        {
            _intern = null;
            _distinct = null;
            _labels.Clear();
            _labels.TrimExcess();
        }
    }

    /// <summary>The numbers, or null when some value is not a number.</summary>
    public double[]? Numbers() => FirstNonNumeric is null ? _numbers.ToArray() : null;

    /// <summary>The labels as written, or null when they were dropped.</summary>
    public string[]? Labels() => _intern is null ? null : _labels.ToArray();

    private string Intern(ReadOnlySpan<byte> field)
    {
        if (_chars.Length < field.Length)
            _chars = new char[field.Length * 2];
        int length = Encoding.UTF8.GetChars(field, _chars);
        var lookup = _intern!.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> text = _chars.AsSpan(0, length);
        if (lookup.TryGetValue(text, out string? existing))
            return existing;
        string label = new(text);
        _intern.Add(label, label);
        _distinct!.Add(label);
        return label;
    }
}
