using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Descent.Numerics;

namespace Descent.Trees;

/// <summary>The errors tree estimators raise on bad input, built only on failure.</summary>
internal static class TreeInputErrors
{
    /// <summary>
    /// Names the first non-finite (or float32-overflowing) value of X by row and column, and how many more there
    /// are: "DecisionTreeClassifier.Fit: X contains NaN at row 17, column 3 (and 4 more non-finite values in columns 3, 5)."
    /// </summary>
    [DoesNotReturn]
    public static void NonFinite(Matrix<double> x, string operation)
    {
        int firstRow = -1, firstColumn = -1, more = 0;
        var columns = new SortedSet<int>();
        double firstValue = 0.0;
        for (int i = 0; i < x.Rows; i++)
        {
            for (int j = 0; j < x.Columns; j++)
            {
                double v = x[i, j];
                if (float.IsFinite((float)v))
                    continue;
                if (firstRow < 0)
                {
                    firstRow = i;
                    firstColumn = j;
                    firstValue = v;
                }
                else
                {
                    more++;
                    columns.Add(j);
                }
            }
        }
        string what = double.IsNaN(firstValue) ? "NaN"
            : double.IsInfinity(firstValue) ? firstValue.ToString(CultureInfo.InvariantCulture)
            : $"{firstValue.ToString("R", CultureInfo.InvariantCulture)}, which is too large for float32 (trees compare features as float32, as scikit-learn does)";
        var message = new StringBuilder($"{operation}: X contains {what} at row {firstRow}, column {firstColumn}");
        if (more > 0)
        {
            message.Append($" (and {more} more non-finite values in column{(columns.Count > 1 ? "s" : "")} ");
            message.Append(string.Join(", ", columns.Take(5)));
            if (columns.Count > 5)
                message.Append(", …");
            message.Append(')');
        }
        message.Append(". Decision trees do not accept missing or infinite values; drop or impute those rows first.");
        throw new DescentDataException(message.ToString(), row: firstRow, column: firstColumn);
    }

    /// <summary>The target has a non-finite value at <paramref name="row"/>.</summary>
    [DoesNotReturn]
    public static void NonFiniteTarget(string operation, int row, double value) =>
        throw new DescentDataException(
            $"{operation}: y contains {value.ToString(CultureInfo.InvariantCulture)} at row {row}. Targets must be finite numbers; drop or impute those rows first.",
            row: row);

    /// <summary>X and y disagree in length.</summary>
    [DoesNotReturn]
    public static void LengthMismatch(string operation, int rows, int targets) =>
        throw new ArgumentException($"{operation}: X has {rows} rows but y has {targets} values; every row of X needs one target.");

    /// <summary>X has no rows or no columns.</summary>
    [DoesNotReturn]
    public static void Empty(string operation, Shape shape) =>
        throw new ArgumentException($"{operation}: X has shape {shape}; a tree needs at least one row and one column.");
}
