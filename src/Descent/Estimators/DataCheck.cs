using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent;

/// <summary>
/// Input checks shared by estimators and transformers. Each error names the operation, the row and column of
/// the first offender and what to do about it, and is a <see cref="DescentDataException"/> carrying that location.
/// Non-finite values are detected with one vectorised sum per row; the offender is searched only on failure.
/// </summary>
internal static class DataCheck
{
    /// <summary>X (m × n) and y (m) for a regressor: at least <paramref name="minimumRows"/> rows, one column,
    /// as many targets as rows, every value finite.</summary>
    public static void RegressionData(Matrix<double> x, ReadOnlySpan<double> y, string operation, int minimumRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != y.Length)
            throw new DescentDataException(
                $"{operation}: X has {x.Rows} rows but y has {y.Length} values; every row of X needs one target.");
        Features(x, operation, minimumRows);
        Finite(y, operation, "y");
    }

    /// <summary>X for Fit: at least <paramref name="minimumRows"/> rows and one column, every value finite.</summary>
    public static void Features(Matrix<double> x, string operation, int minimumRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < minimumRows)
            throw new DescentDataException(
                $"{operation}: X has {x.Rows} rows, but at least {minimumRows} {(minimumRows == 1 ? "is" : "are")} needed.");
        if (x.Columns < 1)
            throw new DescentDataException($"{operation}: X has 0 columns; at least one feature is needed.");
        Finite(x, operation);
    }

    /// <summary>X for Predict/Transform: the column count seen at Fit, every value finite.</summary>
    public static void PredictionFeatures(Matrix<double> x, int expectedColumns, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != expectedColumns)
            throw new DescentDataException(
                $"{operation}: X has {x.Columns} columns, but this was fitted on {expectedColumns}; " +
                "pass the same features, in the same order, as at Fit.");
        Finite(x, operation);
    }

    /// <summary>Throws naming the first non-finite element of <paramref name="x"/> and how many more there are.</summary>
    public static void Finite(Matrix<double> x, string operation, string name = "X")
    {
        bool rowsContiguous = x.HasContiguousRows;
        for (int i = 0; i < x.Rows; i++)
        {
            double sum = rowsContiguous ? TensorPrimitives.Sum<double>(x.RowSpan(i)) : SumStrided(x, i);
            if (!double.IsFinite(sum) && HasNonFinite(x, i))
                ThrowNonFinite(x, i, operation, name);
        }
    }

    /// <summary>Throws naming the first non-finite element of <paramref name="values"/>.</summary>
    public static void Finite(ReadOnlySpan<double> values, string operation, string name)
    {
        if (double.IsFinite(TensorPrimitives.Sum(values)))
            return;
        int first = -1, count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
                continue;
            if (first < 0)
                first = i;
            count++;
        }
        if (first < 0)
            return;
        throw new DescentDataException(
            $"{operation}: {name} contains {Describe(values[first])} at row {first}" +
            (count > 1 ? $" (and {count - 1} more non-finite values)" : "") +
            $". {operation.Split('.')[0]} does not accept missing or infinite values; drop or impute those rows first.",
            row: first);
    }

    private static double SumStrided(Matrix<double> x, int row)
    {
        double sum = 0;
        for (int j = 0; j < x.Columns; j++)
            sum += x[row, j];
        return sum;
    }

    private static bool HasNonFinite(Matrix<double> x, int row)
    {
        for (int j = 0; j < x.Columns; j++)
            if (!double.IsFinite(x[row, j]))
                return true;
        return false; // the sum overflowed, but every value is finite
    }

    private static void ThrowNonFinite(Matrix<double> x, int firstRow, string operation, string name)
    {
        int firstColumn = -1, more = 0;
        var columns = new SortedSet<int>();
        for (int i = firstRow; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
            {
                if (double.IsFinite(x[i, j]))
                    continue;
                if (firstColumn < 0)
                    firstColumn = j;
                else
                {
                    more++;
                    columns.Add(j);
                }
            }
        string others = more == 0 ? "" :
            $" (and {more} more non-finite values in column{(columns.Count > 1 ? "s" : "")} " +
            string.Join(", ", columns.Take(5)) + (columns.Count > 5 ? ", …" : "") + ")";
        throw new DescentDataException(
            $"{operation}: {name} contains {Describe(x[firstRow, firstColumn])} at row {firstRow}, column {firstColumn}{others}. " +
            $"{operation.Split('.')[0]} does not accept missing or infinite values; drop or impute those rows first.",
            row: firstRow, column: firstColumn);
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Infinity" : "-Infinity";
}
