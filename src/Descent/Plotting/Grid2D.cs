namespace Descent.Plotting;

/// <summary>
/// Values of a function of two variables on a rectangular grid: <c>Values[i, j] = f(Xs[j], Ys[i])</c>
/// (row i is the i-th y, column j the j-th x). Xs and Ys are strictly increasing.
/// </summary>
public sealed class Grid2D
{
    /// <summary>A grid from its coordinates and values (copied).</summary>
    /// <exception cref="ArgumentException">Shapes disagree, fewer than 2 points per axis, or coordinates not increasing.</exception>
    public Grid2D(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(values);
        if (xs.Count < 2 || ys.Count < 2)
            throw new ArgumentException($"Grid2D: needs at least 2 x and 2 y coordinates, got {xs.Count} and {ys.Count}.");
        if (values.GetLength(0) != ys.Count || values.GetLength(1) != xs.Count)
            throw new ArgumentException(
                $"Grid2D: values are {values.GetLength(0)}×{values.GetLength(1)} but there are {ys.Count} y and {xs.Count} x " +
                "coordinates; values must be (y count)×(x count), values[i, j] = f(xs[j], ys[i]).");
        Xs = Increasing(xs, "xs");
        Ys = Increasing(ys, "ys");
        Values = (double[,])values.Clone();
    }

    /// <summary>The x coordinates (columns).</summary>
    public double[] Xs { get; }

    /// <summary>The y coordinates (rows).</summary>
    public double[] Ys { get; }

    /// <summary>The values, [y index, x index].</summary>
    public double[,] Values { get; }

    /// <summary>Evaluates f on an nx × ny grid spanning [xMin, xMax] × [yMin, yMax] (both ends included).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A range is empty or a count is below 2.</exception>
    public static Grid2D Evaluate(Func<double, double, double> f, double xMin, double xMax, double yMin, double yMax,
        int nx = 120, int ny = 120)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(xMax > xMin) || !(yMax > yMin) || !double.IsFinite(xMax - xMin) || !double.IsFinite(yMax - yMin))
            throw new ArgumentOutOfRangeException(nameof(xMax),
                $"Grid2D.Evaluate: ranges must be finite with min < max, got x [{xMin}, {xMax}] and y [{yMin}, {yMax}].");
        if (nx < 2 || ny < 2)
            throw new ArgumentOutOfRangeException(nameof(nx), $"Grid2D.Evaluate: nx and ny must be >= 2, got {nx} and {ny}.");
        double[] xs = Spaced(xMin, xMax, nx), ys = Spaced(yMin, yMax, ny);
        var values = new double[ny, nx];
        for (int i = 0; i < ny; i++)
            for (int j = 0; j < nx; j++)
                values[i, j] = f(xs[j], ys[i]);
        return new Grid2D(xs, ys, values);
    }

    /// <summary>n evenly spaced values from a to b inclusive (numpy's linspace).</summary>
    public static double[] Spaced(double a, double b, int n)
    {
        var result = new double[n];
        for (int i = 0; i < n; i++) result[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        if (n > 1) result[^1] = b;
        return result;
    }

    /// <summary>n values spaced evenly in log10 from a to b inclusive (numpy's geomspace); a, b &gt; 0.</summary>
    public static double[] LogSpaced(double a, double b, int n)
    {
        if (!(a > 0) || !(b > 0))
            throw new ArgumentOutOfRangeException(nameof(a), $"LogSpaced: both ends must be > 0, got {a} and {b}.");
        double la = Math.Log10(a), lb = Math.Log10(b);
        var result = new double[n];
        for (int i = 0; i < n; i++) result[i] = Math.Pow(10, n == 1 ? la : la + (lb - la) * i / (n - 1));
        if (n > 1) { result[0] = a; result[^1] = b; }
        return result;
    }

    /// <summary>The smallest and largest finite value (NaN, NaN when there is none).</summary>
    public (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Values)
        {
            if (!double.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? (min, max) : (double.NaN, double.NaN);
    }

    /// <summary>
    /// The grid point of the smallest finite value (the first one in row order on a tie): a brute-force search for
    /// the minimum of the function the grid was evaluated from. (NaN, NaN, NaN) when no value is finite.
    /// </summary>
    public (double X, double Y, double Value) ArgMin()
    {
        (double X, double Y, double Value) best = (double.NaN, double.NaN, double.NaN);
        for (int i = 0; i < Ys.Length; i++)
            for (int j = 0; j < Xs.Length; j++)
                if (double.IsFinite(Values[i, j]) && !(Values[i, j] >= best.Value))
                    best = (Xs[j], Ys[i], Values[i, j]);
        return best;
    }

    private static double[] Increasing(IReadOnlyList<double> values, string name)
    {
        var result = values.ToArray();
        for (int i = 0; i < result.Length; i++)
            if (!double.IsFinite(result[i]) || (i > 0 && !(result[i] > result[i - 1])))
                throw new ArgumentException(
                    $"Grid2D: {name} must be finite and strictly increasing; {name}[{i}] = {result[i]} breaks that.");
        return result;
    }
}
