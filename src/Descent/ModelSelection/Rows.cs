using Descent.Numerics;

namespace Descent.ModelSelection;

/// <summary>Copies the selected rows of a data set (X, y or class labels), in the order given.</summary>
public static class Rows
{
    /// <summary>The rows <paramref name="indices"/> of <paramref name="x"/>, as a new contiguous matrix.</summary>
    public static Matrix<double> Take(Matrix<double> x, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        var result = new Matrix<double>(indices.Count, x.Columns);
        for (int r = 0; r < indices.Count; r++)
        {
            int row = indices[r];
            if ((uint)row >= (uint)x.Rows)
                throw new ArgumentOutOfRangeException(nameof(indices), row, $"Rows.Take: row {row} is outside X's {x.Rows} rows.");
            for (int j = 0; j < x.Columns; j++)
                result[r, j] = x[row, j];
        }
        return result;
    }

    /// <summary>The values <paramref name="indices"/> of <paramref name="y"/>.</summary>
    public static double[] Take(IReadOnlyList<double> y, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(indices);
        var result = new double[indices.Count];
        for (int r = 0; r < result.Length; r++)
            result[r] = y[indices[r]];
        return result;
    }

    /// <summary>The labels of rows <paramref name="indices"/>; the classes are those that occur in them.</summary>
    public static ClassLabels TakeLabels(ClassLabels y, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(indices);
        var labels = new Label[indices.Count];
        for (int r = 0; r < labels.Length; r++)
            labels[r] = y.Classes[y.Indices[indices[r]]];
        return ClassLabels.FromLabels(labels);
    }
}
