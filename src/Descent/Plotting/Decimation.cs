namespace Descent.Plotting;

/// <summary>
/// Reduces series with far more points than pixels without changing what is seen: a line keeps, for each pixel
/// column, its first, lowest, highest and last point (in their original order); a scatter keeps the first point
/// falling in each small pixel cell. Both are deterministic.
/// </summary>
public static class Decimation
{
    /// <summary>
    /// Indices of the points to keep of a line whose x is non-decreasing, bucketing x into <paramref name="columns"/>
    /// equal pixel columns over [x[0], x[^1]]: per column the first, min-y, max-y and last point, in index order.
    /// Non-finite points are kept (they break the line). Returns all indices when x is not sorted.
    /// </summary>
    public static int[] MinMaxPerColumn(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int columns)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Decimation: x has {x.Length} values but y has {y.Length}.");
        int n = x.Length;
        if (n == 0 || columns < 1 || !IsSorted(x)) return Enumerable.Range(0, n).ToArray();
        double x0 = x[0], x1 = x[n - 1], span = x1 - x0;
        if (!(span > 0)) return Enumerable.Range(0, n).ToArray();
        var keep = new List<int>(Math.Min(n, columns * 4 + 2));
        int start = 0;
        while (start < n)
        {
            int bucket = Bucket(x[start], x0, span, columns);
            int end = start + 1;
            while (end < n && Bucket(x[end], x0, span, columns) == bucket && double.IsFinite(y[end])) end++;
            if (!double.IsFinite(y[start]) || end - start <= 4)
            {
                for (int i = start; i < end; i++) keep.Add(i);
            }
            else
            {
                int lowest = start, highest = start;
                for (int i = start + 1; i < end; i++)
                {
                    if (y[i] < y[lowest]) lowest = i;
                    if (y[i] > y[highest]) highest = i;
                }
                keep.Add(start);
                int a = Math.Min(lowest, highest), b = Math.Max(lowest, highest);
                if (a != start) keep.Add(a);
                if (b != a && b != end - 1) keep.Add(b);
                if (end - 1 != start) keep.Add(end - 1);
            }
            start = end;
        }
        return keep.ToArray();
    }

    /// <summary>
    /// Indices of the points to keep of a scatter: the first point (in index order) in each
    /// <paramref name="cellSize"/>-pixel cell of the pixel positions (px, py). Non-finite points are dropped.
    /// </summary>
    public static int[] FirstPerCell(ReadOnlySpan<double> px, ReadOnlySpan<double> py, double cellSize)
    {
        if (px.Length != py.Length)
            throw new ArgumentException($"Decimation: px has {px.Length} values but py has {py.Length}.");
        var seen = new HashSet<long>();
        var keep = new List<int>();
        double inverse = 1 / Math.Max(cellSize, 1e-9);
        for (int i = 0; i < px.Length; i++)
        {
            if (!double.IsFinite(px[i]) || !double.IsFinite(py[i])) continue;
            long cx = (long)Math.Floor(px[i] * inverse), cy = (long)Math.Floor(py[i] * inverse);
            if (seen.Add((cx << 32) ^ (cy & 0xffffffffL))) keep.Add(i);
        }
        return keep.ToArray();
    }

    private static int Bucket(double x, double x0, double span, int columns) =>
        Math.Min(columns - 1, (int)((x - x0) / span * columns));

    private static bool IsSorted(ReadOnlySpan<double> x)
    {
        for (int i = 1; i < x.Length; i++)
            if (!(x[i] >= x[i - 1])) return false;
        return true;
    }
}
