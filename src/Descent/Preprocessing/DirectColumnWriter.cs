using Descent.Data;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// Writes the common entries of a <see cref="ColumnTransformerModel"/> straight into their columns of the output
/// matrix, with no intermediate table: numeric columns passed through or imputed (x = fill where x is missing), and
/// categorical columns one-hot encoded, imputed first or not (a 1 in the output column of the row's category, or of
/// the fill for a missing cell; an unseen category leaves the row's zeros). The cells are those the steps' Transform
/// would give, one for one. Any other entry (dates, another chain of steps, a column of another kind than the steps
/// expect) has no writer and goes through the steps' Transform.
/// </summary>
internal abstract class DirectColumnWriter
{
    /// <summary>The writer of the entry reading <paramref name="columns"/> of <paramref name="table"/> through <paramref name="steps"/>, or null.</summary>
    public static DirectColumnWriter? For(Table table, IReadOnlyList<string> columns, IReadOnlyList<IFittedTableTransformer> steps)
    {
        var imputer = steps.Count > 0 ? steps[0] as SimpleImputerModel : null;
        int encoderStep = imputer is null ? 0 : 1;
        var encoder = steps.Count > encoderStep ? steps[encoderStep] as OneHotEncoderModel : null;
        if (steps.Count != encoderStep + (encoder is null ? 0 : 1))
            return null;   // another step, or these in another order
        var inputs = columns.Select(name => table[name]).ToArray();
        if (encoder is null)
            return inputs.All(c => c is NumericColumn) && (imputer is null || imputer.Fills.All(f => f.Kind == ColumnKind.Number))
                ? new Numbers(table, inputs.Cast<NumericColumn>().ToArray(), imputer?.Fills.Select(f => f.Number).ToArray())
                : null;
        return inputs.All(c => c is CategoricalColumn) && (imputer is null || imputer.Fills.All(f => f.Kind == ColumnKind.Category))
            ? new Indicators(table, inputs.Cast<CategoricalColumn>().ToArray(), imputer?.Fills.Select(f => f.Text!).ToArray(), encoder)
            : null;
    }

    /// <summary>Writes rows [<paramref name="start"/>, <paramref name="end"/>) from column <paramref name="offset"/> of <paramref name="result"/> (all zeros there); returns the columns written.</summary>
    /// <exception cref="DescentDataException">A cell is missing and nothing imputes it (named with its line).</exception>
    public abstract int Write(int start, int end, Matrix<double> result, int offset);

    /// <summary>Numeric columns, each missing cell replaced by its column's fill (none: an error).</summary>
    private sealed class Numbers(Table table, NumericColumn[] columns, double[]? fills) : DirectColumnWriter
    {
        public override int Write(int start, int end, Matrix<double> result, int offset)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                ReadOnlySpan<double> values = columns[j].Values;
                for (int i = start; i < end; i++)
                {
                    double value = values[i];
                    if (double.IsNaN(value))
                        value = fills?[j] ?? throw ColumnTransformerModel.MissingCell(table, i, columns[j]);
                    result[i, offset + j] = value;
                }
            }
            return columns.Length;
        }
    }

    /// <summary>Categorical columns one-hot encoded: each code (and a missing cell, when imputed) mapped once to its output column.</summary>
    private sealed class Indicators : DirectColumnWriter
    {
        private readonly Table _table;
        private readonly CategoricalColumn[] _columns;
        private const int Unseen = -1, NotImputed = -2;
        private readonly int[][] _outputs;      // per column: the output column (counted from the entry's first) of each code, or Unseen
        private readonly int[] _missingOutputs; // per column: the output column of the fill, Unseen, or NotImputed
        private readonly int _width;

        public Indicators(Table table, CategoricalColumn[] columns, string[]? fills, OneHotEncoderModel encoder)
        {
            (_table, _columns) = (table, columns);
            _outputs = new int[columns.Length][];
            _missingOutputs = new int[columns.Length];
            int first = 0;
            for (int j = 0; j < columns.Length; j++)
            {
                string[] known = encoder.CategoriesOf(j);
                _outputs[j] = OneHotEncoderModel.OutputIndex(columns[j], known);
                for (int code = 0; code < _outputs[j].Length; code++)
                    if (_outputs[j][code] != Unseen)
                        _outputs[j][code] += first;
                _missingOutputs[j] = fills is null ? NotImputed
                    : Array.BinarySearch(known, fills[j], StringComparer.Ordinal) is var fill and >= 0 ? first + fill : Unseen;
                first += known.Length;
            }
            _width = first;
        }

        public override int Write(int start, int end, Matrix<double> result, int offset)
        {
            for (int j = 0; j < _columns.Length; j++)
            {
                ReadOnlySpan<int> codes = _columns[j].Codes;
                int[] outputs = _outputs[j];
                for (int i = start; i < end; i++)
                {
                    int code = codes[i];
                    int output = code >= 0 ? outputs[code] : _missingOutputs[j];
                    if (output == NotImputed)
                        throw OneHotEncoderModel.Missing(_table, i, _columns[j], "OneHotEncoderModel.Transform");
                    if (output >= 0)
                        result[i, offset + output] = 1;
                }
            }
            return _width;
        }
    }
}
