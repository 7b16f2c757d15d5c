using System.Globalization;
using System.Text;

namespace Descent.Data.Parsing;

/// <summary>
/// Builds one feature column of a <see cref="Table"/> cell by cell and decides its kind from what it reads, never
/// guessing silently: the first cell that is not missing makes the column numeric (a number), a date (an ISO date) or
/// categorical (any other text, when categories are detected); a later cell that does not fit is the column's
/// <see cref="Issue"/> — thrown at once, or, when issues are collected, recorded while the column becomes categorical
/// text (or the cell is read as well as it can be) so that reading goes on. The column's array is sized by
/// <see cref="RowCapacity"/>, and handed to the column as it is when it holds little unused room.
/// </summary>
internal sealed class TableColumnBuilder
{
    private readonly string _source, _name;
    private readonly int _column;
    private readonly bool _forcedCategory, _detectCategories, _collect;
    private readonly byte _decimal;
    private readonly byte? _thousands;
    private readonly RowCapacity _capacity;
    private ColumnKind? _kind;
    private int _count;
    private double[] _numbers = [];
    private int[] _codes = [];
    private long[] _ticks = [];
    private CategoryInterner? _categories;
    private (long Line, string Text)? _firstText;

    public TableColumnBuilder(string source, string name, int column, bool forcedCategory, bool detectCategories,
        char decimalSeparator, char? thousands, bool collectIssues, RowCapacity capacity)
    {
        _capacity = capacity;
        (_source, _name, _column) = (source, name, column);
        (_forcedCategory, _detectCategories, _collect) = (forcedCategory, detectCategories, collectIssues);
        _decimal = (byte)decimalSeparator;
        _thousands = thousands is char t ? (byte)t : null;
        if (forcedCategory)
            StartCategories();
    }

    /// <summary>The column's first problem, when issues are collected.</summary>
    public TableIssue? Issue { get; private set; }

    /// <summary>Adds the cell of the record on <paramref name="line"/>.</summary>
    public void Add(ReadOnlySpan<byte> cell, long line)
    {
        // The common case first: a finite number in a numeric column (no missing spelling parses as one).
        if (_kind == ColumnKind.Number && TableCells.TryParseNumber(cell, _decimal, _thousands, out double number) && double.IsFinite(number))
        {
            Append(ref _numbers, number);
            return;
        }
        if (_kind == ColumnKind.Category && (_forcedCategory || !TableCells.IsMissing(cell)))
        {
            AddCategory(cell, line);
            return;
        }
        if (TableCells.IsMissing(cell))
        {
            AddMissing();
            return;
        }
        if (_kind == ColumnKind.Date)
        {
            if (TableCells.TryParseDate(cell, out DateTime date))
                Append(ref _ticks, date.Ticks);
            else
            {
                Report(TableIssueKind.BadDate, line, cell, null,
                    "is not a valid date, but the column holds ISO dates (such as 2024-03-31)");
                ToCategories();
                AddCategory(cell, line);
            }
            return;
        }
        if (TableCells.TryParseNumber(cell, _decimal, _thousands, out double value))
        {
            StartNumbers();
            if (double.IsInfinity(value))
            {
                Report(TableIssueKind.Infinite, line, cell, null, "is infinite; features must be finite numbers");
                value = double.NaN;
            }
            Append(ref _numbers, value);
            return;
        }
        if (TableCells.ThousandsSeparatorIn(cell, _decimal) is byte separator)
        {
            Report(TableIssueKind.ThousandsSeparator, line, cell, (char)separator,
                $"is a number written with '{(char)separator}' as a thousands separator");
            StartNumbers();
            TableCells.TryParseNumber(cell, _decimal, separator, out value);
            Append(ref _numbers, value);
            return;
        }
        if (TableCells.IsDecimalComma(cell, _decimal))
        {
            Report(TableIssueKind.DecimalComma, line, cell, ',', "is a number written with a decimal comma");
            StartNumbers();
            TableCells.TryParseNumber(cell, (byte)',', null, out value);
            Append(ref _numbers, value);
            return;
        }
        if (_kind is null && TableCells.LooksLikeDate(cell))
        {
            _kind = ColumnKind.Date;
            _ticks = Filled(DateColumn.MissingTicks);
            if (TableCells.TryParseDate(cell, out DateTime date))
            {
                Append(ref _ticks, date.Ticks);
                return;
            }
            Report(TableIssueKind.BadDate, line, cell, null, "is not a valid date (an ISO date such as 2024-03-31)");
            ToCategories();
            AddCategory(cell, line);
            return;
        }
        if (_kind is null && _detectCategories)
        {
            StartCategories();
            AddCategory(cell, line);
            return;
        }
        if (_kind is null)
            Report(TableIssueKind.NotANumber, line, cell, null, "is not a number, and the column is not categorical");
        else
            Report(TableIssueKind.MixedNumbersAndText, line, cell, null, "is not a number, but the column's other cells are numbers");
        ToCategories();
        AddCategory(cell, line);
    }

    /// <summary>The column of the cells added.</summary>
    public TableColumn Build()
    {
        switch (_kind)
        {
            case ColumnKind.Category:
                return new CategoricalColumn(_name, RowCapacity.Trimmed(_codes, _count), [.. _categories!.Categories], _column, _count);
            case ColumnKind.Date:
                return new DateColumn(_name, RowCapacity.Trimmed(_ticks, _count), _column, _count);
            default:
                if (_kind is null)
                    _numbers = Filled(double.NaN);
                return new NumericColumn(_name, RowCapacity.Trimmed(_numbers, _count), _column, _count);
        }
    }

    private void AddMissing()
    {
        switch (_kind)
        {
            case null:
                _count++;
                break;
            case ColumnKind.Number:
                Append(ref _numbers, double.NaN);
                break;
            case ColumnKind.Date:
                Append(ref _ticks, DateColumn.MissingTicks);
                break;
            default:
                Append(ref _codes, -1);
                break;
        }
    }

    private void AddCategory(ReadOnlySpan<byte> cell, long line)
    {
        if (_forcedCategory && TableCells.IsMissing(cell))
        {
            Append(ref _codes, -1);
            return;
        }
        int code = _categories!.Intern(cell, out bool added) ?? throw CsvErrors.NotUtf8(_source, line, _column, _name, cell);
        Append(ref _codes, code);
        if (_forcedCategory || !_detectCategories)
            return;
        _firstText ??= (line, _categories.Categories[code]);
        // A cell that repeats a category was checked when the category was added.
        if (added && Issue is null && TableCells.TryParseNumber(cell, _decimal, _thousands, out _))
        {
            var (firstLine, firstText) = _firstText.Value;
            Report(TableIssueKind.MixedNumbersAndText, firstLine, Encoding.UTF8.GetBytes(firstText), null,
                string.Create(CultureInfo.InvariantCulture,
                    $"is not a number, but other cells of the column are numbers (line {line}: '{CsvErrors.Shorten(Encoding.UTF8.GetString(cell))}')"));
        }
    }

    private void StartNumbers()
    {
        if (_kind is not null)
            return;
        _kind = ColumnKind.Number;
        _numbers = Filled(double.NaN);
    }

    private void StartCategories()
    {
        _categories = new CategoryInterner();
        _codes = _kind is null ? Filled(-1) : _codes;
        _kind = ColumnKind.Category;
    }

    /// <summary>A column read so far as numbers or dates becomes categorical: each cell's text (shortest round trip, ISO) is a category.</summary>
    private void ToCategories()
    {
        ColumnKind? previous = _kind;
        var categories = new CategoryInterner();
        var codes = GC.AllocateUninitializedArray<int>(_capacity.After(_count));
        for (int i = 0; i < _count; i++)
        {
            string? text = previous switch
            {
                ColumnKind.Number => double.IsNaN(_numbers[i]) ? null : _numbers[i].ToString("R", CultureInfo.InvariantCulture),
                ColumnKind.Date => new DateColumn(_name, [_ticks[i]], _column).Text(0),
                _ => null,
            };
            codes[i] = text is null ? -1 : categories.Intern(text);
        }
        (_kind, _categories, _codes, _numbers, _ticks) = (ColumnKind.Category, categories, codes, [], []);
    }

    private void Report(TableIssueKind kind, long line, ReadOnlySpan<byte> cell, char? separator, string problem)
    {
        if (Issue is not null)
            return;
        string text = Encoding.UTF8.GetString(cell);
        string where = string.Create(CultureInfo.InvariantCulture, $"{_source}, line {line}, column {_column + 1} '{_name}'");
        Issue = new TableIssue(kind, _source, line, _column, _name, text, separator, $"{where}: '{CsvErrors.Shorten(text)}' {problem}.",
            LibraryHint(kind, separator));
        if (!_collect)
            throw Issue.ToException();
    }

    private static string LibraryHint(TableIssueKind kind, char? separator) => kind switch
    {
        TableIssueKind.ThousandsSeparator => $"Set TableReadOptions.Thousands = '{separator}'.",
        TableIssueKind.DecimalComma => "Set TableReadOptions.Decimal = ','.",
        TableIssueKind.Infinite => "Fix the cell or drop the row.",
        TableIssueKind.BadDate => "Fix the cell, or read the column as categories (TableReadOptions.CategoricalColumns).",
        _ => "Fix the cell, read the column as categories (TableReadOptions.CategoricalColumns), or leave it out of the features.",
    };

    /// <summary>A new array holding <see cref="_count"/> copies of <paramref name="missing"/> (the cells before the kind was known).</summary>
    private T[] Filled<T>(T missing) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(_capacity.After(_count));
        array.AsSpan(0, _count).Fill(missing);
        return array;
    }

    private void Append<T>(ref T[] array, T value) where T : unmanaged
    {
        if (_count == array.Length)
            array = RowCapacity.Grown(array, _count, _capacity.After(_count));
        array[_count++] = value;
    }
}
