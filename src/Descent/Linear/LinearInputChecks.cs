using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using Descent.Numerics;

namespace Descent.Linear;

/// <summary>Validation of the arrays given to the linear estimators, with messages that name rows, columns and the fix.</summary>
internal static class LinearInputChecks
{
    /// <summary>Throws unless X has at least <paramref name="minRows"/> rows, one column, and only finite values.</summary>
    public static void Features(Matrix<double> x, string operation, int minRows = 1)
    {
        Shape(x, operation, minRows);
        Finite(x, operation);
    }

    /// <summary>
    /// Throws unless X has at least <paramref name="minRows"/> rows and one column; the caller checks finiteness
    /// (<see cref="Finite"/>), e.g. in a pass over X it makes anyway.
    /// </summary>
    public static void Shape(Matrix<double> x, string operation, int minRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < minRows)
            throw new DescentDataException(
                $"{operation}: X has {x.Rows} row{(x.Rows == 1 ? "" : "s")}; at least {minRows} {(minRows == 1 ? "is" : "are")} needed.");
        if (x.Columns == 0)
            throw new DescentDataException($"{operation}: X has no columns; at least one feature is needed.");
    }

    /// <summary>Throws unless y has one finite value per row of X.</summary>
    public static void Targets(Matrix<double> x, ReadOnlySpan<double> y, string operation)
    {
        if (y.Length != x.Rows)
            throw new DescentDataException(
                $"{operation}: X has {x.Rows} rows but y has {y.Length} values; every row of X needs one target.");
        if (double.IsFinite(TensorPrimitives.Sum(y)))
            return;
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new DescentDataException(
                    $"{operation}: y contains {Describe(y[i])} at row {i}. Targets must be finite numbers; drop or impute that row.",
                    row: i);
    }

    /// <summary>Throws unless y has one label per row of X and at least two classes.</summary>
    public static void Classes(Matrix<double> x, ClassLabels y, string operation)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
            throw new DescentDataException(
                $"{operation}: X has {x.Rows} rows but y has {y.Count} labels; every row of X needs one class label.");
        if (y.Classes.Count < 2)
            throw new DescentDataException(
                $"{operation}: y has only one class ('{y.Classes[0]}'); a classifier needs examples of at least two classes.");
    }

    /// <summary>Throws unless X at predict time has the fitted number of columns and only finite values.</summary>
    public static void PredictFeatures(Matrix<double> x, int featureCount, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != featureCount)
            throw new DescentDataException(
                $"{operation}: X has {x.Columns} column{(x.Columns == 1 ? "" : "s")}, but the model was fitted on {featureCount}; " +
                "give it the same features, in the same order, as at Fit.");
        Finite(x, operation);
    }

    /// <summary>Throws, naming the first row and column, when X holds NaN or ±∞.</summary>
    public static void Finite(Matrix<double> x, string operation)
    {
        if (x.IsContiguous && double.IsFinite(TensorPrimitives.Sum(x.AsSpan())))
            return;
        if (!x.IsContiguous && x.HasContiguousRows && AllRowsFinite(x))
            return;
        int firstRow = -1, firstColumn = -1, count = 0;
        var columns = new SortedSet<int>();
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
            {
                if (double.IsFinite(x[i, j]))
                    continue;
                if (count++ == 0)
                    (firstRow, firstColumn) = (i, j);
                else
                    columns.Add(j);
            }
        if (count == 0)
            return;
        var message = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{operation}: X contains {Describe(x[firstRow, firstColumn])} at row {firstRow}, column {firstColumn}");
        if (count > 1)
            message.Append(CultureInfo.InvariantCulture,
                $" (and {count - 1} more non-finite value{(count == 2 ? "" : "s")} in column{(columns.Count == 1 ? "" : "s")} {string.Join(", ", columns.Take(5))}{(columns.Count > 5 ? ", …" : "")})");
        message.Append(". Linear models do not accept missing or infinite values; drop or impute those rows first.");
        throw new DescentDataException(message.ToString(), row: firstRow, column: firstColumn);
    }

    private static bool AllRowsFinite(Matrix<double> x)
    {
        for (int i = 0; i < x.Rows; i++)
            if (!double.IsFinite(TensorPrimitives.Sum(x.RowSpan(i))))
                return false;
        return true;
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
}
