using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent;

/// <summary>
/// The one validation of features and targets that every estimator, model and transformer runs. Each error is a
/// <see cref="DescentDataException"/> whose message names the operation ("Ridge.Fit"), what is wrong with the exact
/// shapes, row and column, and the fix; the first offending row and column are also in its properties.
/// Non-finite values are found with one vectorised sum (a NaN or ±∞ anywhere makes the sum non-finite); the
/// offender is searched for only when that sum is not finite. Messages are built in <see cref="DataErrors"/>.
/// </summary>
internal static class DataCheck
{
    /// <summary>X for Fit: at least <paramref name="minimumRows"/> rows, at least one column, every value finite.</summary>
    public static void Features(Matrix<double> x, string operation, int minimumRows = 1)
    {
        Shape(x, operation, minimumRows);
        Finite(x, operation);
    }

    /// <summary>
    /// X for Fit, shape only: at least <paramref name="minimumRows"/> rows and one column. For callers that check
    /// finiteness in a pass over X they make anyway (and call <see cref="Finite(Matrix{double}, string)"/> or
    /// <see cref="ThrowNotFloat32"/> when it fails).
    /// </summary>
    public static void Shape(Matrix<double> x, string operation, int minimumRows = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < minimumRows)
            DataErrors.TooFewRows(x, operation, minimumRows);
        if (x.Columns < 1)
            DataErrors.NoColumns(x, operation);
    }

    /// <summary>X and y for a regressor: y has one value per row of X, X passes <see cref="Features"/>, y is finite.</summary>
    public static void RegressionData(Matrix<double> x, ReadOnlySpan<double> y, string operation, int minimumRows = 1)
    {
        TargetCount(x, y.Length, operation);
        Features(x, operation, minimumRows);
        Finite(y, operation);
    }

    /// <summary>y for a regressor whose X was checked already: one value per row of X, every value finite.</summary>
    public static void Targets(Matrix<double> x, ReadOnlySpan<double> y, string operation)
    {
        TargetCount(x, y.Length, operation);
        Finite(y, operation);
    }

    /// <summary>y for a classifier that separates classes: one label per row of X, at least two classes, not about one
    /// class per row. (Trees, like scikit-learn's, accept a single class: they check <see cref="TargetCount"/> and
    /// <see cref="ClassCount"/>.)</summary>
    public static void Labels(Matrix<double> x, ClassLabels y, string operation)
    {
        ArgumentNullException.ThrowIfNull(y);
        TargetCount(x, y.Count, operation);
        if (y.Classes.Count < 2)
            DataErrors.TooFewClasses(y, operation);
        ClassCount(y, operation);
        ScoreMemory(y, operation);
    }

    /// <summary>
    /// A classifier of <see cref="Labels"/> keeps rows × classes scores, probabilities and gradients (three arrays of
    /// doubles): refuses, before they are allocated, more than <see cref="MemoryBudget"/> or than one array can hold.
    /// </summary>
    private static void ScoreMemory(ClassLabels y, string operation)
    {
        long cells = (long)y.Count * y.Classes.Count;
        string what = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the scores, probabilities and gradients of {y.Count:N0} rows × {y.Classes.Count:N0} classes");
        MemoryBudget.Check(3.0 * sizeof(double) * cells, operation, what, "use fewer rows or merge rare classes");
        if (cells > Array.MaxLength)
            throw new InsufficientMemoryException($"{operation}: {what} are more values ({cells:N0}) than one array can hold; use fewer rows or merge rare classes.");
    }

    /// <summary>The most classes a target may have before the "about one class per row" rule applies: below it a
    /// small sample may be sparse.</summary>
    internal const int FewClasses = 10;

    /// <summary>
    /// Refuses a target with about as many classes as rows — more than half of the rows, with at least
    /// <see cref="FewClasses"/> classes — such as an ID column chosen as the target: no classifier learns from one
    /// example a class, and its per-class arrays grow as rows × classes.
    /// </summary>
    public static void ClassCount(ClassLabels y, string operation)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Classes.Count >= FewClasses && y.Classes.Count > y.Count / 2)
            DataErrors.ClassPerRow(y, operation);
    }

    /// <summary>One target per row of X.</summary>
    public static void TargetCount(Matrix<double> x, int targets, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != targets)
            DataErrors.TargetCountMismatch(x, targets, operation);
    }

    /// <summary>X for Predict/Transform: the column count seen at Fit, every value finite.</summary>
    public static void PredictionFeatures(Matrix<double> x, int fittedColumns, string operation)
    {
        FeatureCount(x, fittedColumns, operation);
        Finite(x, operation);
    }

    /// <summary>X for Predict/Transform, shape only: the column count seen at Fit.</summary>
    public static void FeatureCount(Matrix<double> x, int fittedColumns, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != fittedColumns)
            DataErrors.FeatureCountMismatch(x, fittedColumns, operation);
    }

    /// <summary>
    /// Throws naming the first NaN or ±∞ of <paramref name="x"/> (row-major order) and how many more there are.
    /// One vectorised sum over the whole matrix (or each row, for views whose rows are not adjacent); the search
    /// for the offender runs only when a sum is not finite, and returns quietly when the sum merely overflowed.
    /// </summary>
    public static void Finite(Matrix<double> x, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.IsContiguous)
        {
            if (!double.IsFinite(TensorPrimitives.Sum<double>(x.AsSpan())))
                SearchNonFinite(x, 0, x.Rows, operation);
            return;
        }
        bool rowsContiguous = x.HasContiguousRows;
        for (int i = 0; i < x.Rows; i++)
        {
            double sum = rowsContiguous ? TensorPrimitives.Sum<double>(x.RowSpan(i)) : SumStrided(x, i);
            if (!double.IsFinite(sum))
                SearchNonFinite(x, i, i + 1, operation);
        }
    }

    /// <summary>Throws naming the first NaN or ±∞ of the targets <paramref name="y"/> and how many more there are.</summary>
    public static void Finite(ReadOnlySpan<double> y, string operation)
    {
        if (double.IsFinite(TensorPrimitives.Sum(y)))
            return;
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                DataErrors.NonFiniteTargets(y, i, operation);
    }

    /// <summary>The largest feature magnitude whose squares, summed over many rows, stay finite: sqrt(1.8e308) ≈ 1.3e154, less margin.</summary>
    internal const double LargestSquarable = 1e150;

    /// <summary>The smallest non-zero column scale whose squares do not underflow to 0 (they would be below 1e-300).</summary>
    internal const double SmallestSquarable = 1e-150;

    /// <summary>
    /// For fits that form squares and products of the features (normal equations, coordinate descent, variances):
    /// refuses a column whose largest magnitude is above <see cref="LargestSquarable"/> (its squares overflow) or,
    /// though not zero, below <see cref="SmallestSquarable"/> (its squares underflow to 0), naming the column and the
    /// factor that brings it into range. One pass: the element-wise largest magnitude of the rows.
    /// </summary>
    public static void Squarable(Matrix<double> x, string operation)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0 || x.Columns == 0)
            return;
        var largest = new double[x.Columns];
        var row = new double[x.Columns];
        for (int i = 0; i < x.Rows; i++)
        {
            ReadOnlySpan<double> values = x.HasContiguousRows ? x.RowSpan(i) : Row(x, i, row);
            TensorPrimitives.MaxMagnitude(values, largest, largest);
        }
        Squarable(x, largest, operation);
    }

    /// <summary>
    /// <see cref="RegressionData(Matrix{double}, ReadOnlySpan{double}, string, int)"/> and <see cref="Squarable(Matrix{double}, string)"/>, in the same order, for a fit that
    /// gathered the largest magnitude of each column of X (NaN where a column holds NaN) in a pass it makes over X
    /// anyway, after <see cref="TargetCount"/> and <see cref="Shape"/>: X is searched for a NaN or ±∞ only when a
    /// column's magnitude is not finite.
    /// </summary>
    public static void RegressionData(Matrix<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> columnMagnitudes,
        string operation)
    {
        foreach (double magnitude in columnMagnitudes)
            if (!double.IsFinite(magnitude))
            {
                Finite(x, operation);
                break;
            }
        Finite(y, operation);
        Squarable(x, columnMagnitudes, operation);
    }

    /// <summary>The check of <see cref="Squarable(Matrix{double}, string)"/> on each column's largest magnitude.</summary>
    private static void Squarable(Matrix<double> x, ReadOnlySpan<double> largest, string operation)
    {
        for (int j = 0; j < largest.Length; j++)
        {
            double scale = Math.Abs(largest[j]);
            if (double.IsFinite(scale) && (scale > LargestSquarable || (scale > 0 && scale < SmallestSquarable)))   // NaN, ∞: the finiteness check names them
                DataErrors.NotSquarable(x, j, scale, operation);
        }
    }

    private static ReadOnlySpan<double> Row(Matrix<double> x, int i, double[] buffer)
    {
        for (int j = 0; j < buffer.Length; j++)
            buffer[j] = x[i, j];
        return buffer;
    }

    /// <summary>
    /// What a model computed from finite X (<paramref name="what"/>: "predictions", "scores"; row-major, <paramref name="columns"/> a row): throws when a value is
    /// NaN or ±∞, which happens when the model's finite coefficients are too large for the features (an edited file).
    /// </summary>
    public static void FiniteOutputs(ReadOnlySpan<double> values, int columns, string what, string operation)
    {
        if (double.IsFinite(TensorPrimitives.Sum(values)))
            return;
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                DataErrors.NonFiniteOutputs(values[i], i / columns, what, operation);
    }

    /// <summary>
    /// For estimators that compare features as float32 (trees, as scikit-learn's) and found, in their own pass,
    /// a value that is not a finite float32: throws naming the first such value (NaN, ±∞ or beyond ±3.4e38).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void ThrowNotFloat32(Matrix<double> x, string operation)
    {
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                if (!float.IsFinite((float)x[i, j]))
                    DataErrors.NonFiniteFeatures(x, i, j, operation, float32: true);
        throw new InvalidOperationException($"{operation}: every value of X is a finite float32; nothing to report.");
    }

    /// <summary>Reports the first non-finite element of rows [<paramref name="startRow"/>, <paramref name="endRow"/>),
    /// if any; the rows before <paramref name="startRow"/> are known to be finite.</summary>
    private static void SearchNonFinite(Matrix<double> x, int startRow, int endRow, string operation)
    {
        for (int i = startRow; i < endRow; i++)
            for (int j = 0; j < x.Columns; j++)
                if (!double.IsFinite(x[i, j]))
                    DataErrors.NonFiniteFeatures(x, i, j, operation, float32: false);
        // Every value is finite: the sum overflowed.
    }

    private static double SumStrided(Matrix<double> x, int row)
    {
        double sum = 0;
        for (int j = 0; j < x.Columns; j++)
            sum += x[row, j];
        return sum;
    }
}
