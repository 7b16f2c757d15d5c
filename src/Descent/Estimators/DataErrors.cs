using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Descent.Numerics;

namespace Descent;

/// <summary>
/// The errors <see cref="DataCheck"/> raises, built only on failure. One format per kind of problem, each naming the
/// operation, what is wrong (shapes, row, column, values) and the fix:
/// <code>
/// Ridge.Fit: X has 0 rows (shape 0×3), but at least 1 is needed; give Ridge more rows.
/// Ridge.Fit: X has no columns (shape 5×0); at least one feature is needed.
/// Ridge.Fit: X has 150 rows but y has 149 values; every row of X needs one target.
/// Ridge.Fit: X contains NaN at row 17, column 3 (and 4 more non-finite values in columns 3, 5). Ridge does not
///   accept missing or infinite values; drop or impute those rows first.
/// Ridge.Fit: y contains +Infinity at row 2 (and 1 more non-finite value). Targets must be finite numbers; drop or
///   impute those rows first.
/// LogisticRegression.Fit: y has only one class ('cat'); a classifier needs examples of at least two classes.
/// LinearModel.Predict: X has 5 columns, but the model was fitted on 4; pass the same features, in the same order, as at Fit.
/// </code>
/// </summary>
internal static class DataErrors
{
    private const int ListedColumns = 5;

    [DoesNotReturn]
    public static void TooFewRows(Matrix<double> x, string operation, int minimumRows) =>
        throw new DescentDataException(
            $"{operation}: X has {Count(x.Rows, "row")} (shape {x.Shape}), but at least {minimumRows} " +
            $"{(minimumRows == 1 ? "is" : "are")} needed; give {Subject(operation)} more rows.");

    [DoesNotReturn]
    public static void NoColumns(Matrix<double> x, string operation) =>
        throw new DescentDataException(
            $"{operation}: X has no columns (shape {x.Shape}); at least one feature is needed.");

    [DoesNotReturn]
    public static void TargetCountMismatch(int rows, int targets, string operation) =>
        throw new DescentDataException(
            $"{operation}: X has {Count(rows, "row")} but y has {Count(targets, "value")}; every row of X needs one target.");

    [DoesNotReturn]
    public static void TooFewClasses(ClassLabels y, string operation) =>
        throw new DescentDataException(
            $"{operation}: y has {(y.Classes.Count == 0 ? "no class" : $"only one class ('{y.Classes[0]}')")}; " +
            "a classifier needs examples of at least two classes.");

    [DoesNotReturn]
    public static void NotSquarable(Matrix<double> x, int column, double scale, string operation)
    {
        bool large = scale > 1;
        // the power of ten that brings the column's largest magnitude into [1, 10)
        double factor = Math.Pow(10, large ? Math.Floor(Math.Log10(scale)) : Math.Ceiling(-Math.Log10(scale)));
        throw new DescentDataException(string.Create(CultureInfo.InvariantCulture,
            $"{operation}: column {column} of X holds values of magnitude {scale:0.##E+0}, whose squares {(large ? "overflow" : "underflow")} " +
            $"a double (X has shape {x.Shape}), so {Subject(operation)} cannot find the right answer; rescale the column first: " +
            $"{(large ? "divide" : "multiply")} it by {factor:0E+0} (its coefficient is then {(large ? "multiplied" : "divided")} by the same factor)."),
            column: column);
    }

    [DoesNotReturn]
    public static void ClassPerRow(ClassLabels y, string operation) =>
        throw new DescentDataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{operation}: y has {y.Classes.Count:N0} classes for {y.Count:N0} rows, so most classes have a single example " +
            $"(is the target an ID?); a classifier cannot learn them. For a numeric quantity use a regressor; otherwise choose another target."));

    [DoesNotReturn]
    public static void FeatureCountMismatch(Matrix<double> x, int fittedColumns, string operation) =>
        throw new DescentDataException(
            $"{operation}: X has {Count(x.Columns, "column")}, but the model was fitted on {fittedColumns}; " +
            "pass the same features, in the same order, as at Fit.");

    /// <summary>
    /// X[<paramref name="row"/>, <paramref name="column"/>] is the first non-finite value (row-major); counts the
    /// ones after it and lists their columns. With <paramref name="float32"/>, "non-finite" means as a float32.
    /// </summary>
    [DoesNotReturn]
    public static void NonFiniteFeatures<T>(Matrix<T> x, int row, int column, string operation, bool float32)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int more = 0;
        var columns = new SortedSet<int>();
        for (int i = row; i < x.Rows; i++)
            for (int j = i == row ? column + 1 : 0; j < x.Columns; j++)
            {
                double v = double.CreateTruncating(x[i, j]);
                if (float32 ? float.IsFinite((float)v) : double.IsFinite(v))
                    continue;
                more++;
                columns.Add(j);
            }
        double value = double.CreateTruncating(x[row, column]);
        string what = double.IsFinite(value)
            ? $"{value.ToString("R", CultureInfo.InvariantCulture)}, which is too large for float32 " +
              "(trees compare features as float32, as scikit-learn's do)"
            : Describe(value);
        var message = new StringBuilder($"{operation}: X contains {what} at row {row}, column {column}");
        if (more > 0)
        {
            message.Append($" (and {more} more non-finite value{(more == 1 ? "" : "s")} in column{(columns.Count == 1 ? "" : "s")} ");
            message.Append(string.Join(", ", columns.Take(ListedColumns)));
            message.Append(columns.Count > ListedColumns ? ", …)" : ")");
        }
        message.Append($". {Subject(operation)} does not accept missing or infinite values");
        message.Append(float32 ? ", nor values beyond float32's ±3.4e38; drop or impute those rows first (or rescale the features)."
            : "; drop or impute those rows first.");
        throw new DescentDataException(message.ToString(), row: row, column: column);
    }

    /// <summary>y[<paramref name="first"/>] is the first non-finite target; counts the ones after it.</summary>
    [DoesNotReturn]
    public static void NonFiniteTargets(ReadOnlySpan<double> y, int first, string operation)
    {
        int more = 0;
        for (int i = first + 1; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                more++;
        throw new DescentDataException(
            $"{operation}: y contains {Describe(y[first])} at row {first}" +
            (more > 0 ? $" (and {more} more non-finite value{(more == 1 ? "" : "s")})" : "") +
            ". Targets must be finite numbers; drop or impute those rows first.",
            row: first);
    }

    /// <summary>The first value a model computed from finite X that is not finite, in row <paramref name="row"/>.</summary>
    [DoesNotReturn]
    public static void NonFiniteOutputs(double value, int row, string what, string operation) =>
        throw new DescentDataException(
            $"{operation}: the {what} are not finite ({Describe(value)} at row {row}) although X is; " +
            $"the model's coefficients are too large for these features. Refit the model, or check that its file was not edited.",
            row: row);

    /// <summary>"Ridge" for "Ridge.Fit": the type that refuses the data.</summary>
    private static string Subject(string operation)
    {
        int dot = operation.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? operation : operation[..dot];
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Describe(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Infinity" : "-Infinity";
}
