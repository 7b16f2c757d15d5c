using Descent.Numerics.Random;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class DecimationTests
{
    private static (double[] X, double[] Y) RandomWalk(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 1; i < n; i++)
        {
            x[i] = i;
            y[i] = y[i - 1] + rng.NextNormal();
        }
        return (x, y);
    }

    [Fact]
    public void MinMaxPerColumn_KeepsEachColumnsExtremes_InOrder()
    {
        var (x, y) = RandomWalk(100_000, 3);
        const int columns = 500;
        int[] keep = Decimation.MinMaxPerColumn(x, y, columns);
        Assert.True(keep.Length <= 4 * columns, $"{keep.Length} points kept for {columns} columns");
        for (int k = 1; k < keep.Length; k++) Assert.True(keep[k] > keep[k - 1]);
        Assert.Equal(0, keep[0]);
        Assert.Equal(x.Length - 1, keep[^1]);
        var kept = keep.ToHashSet();
        // per column, the lowest and highest y survive
        var groups = Enumerable.Range(0, x.Length).GroupBy(i => Math.Min(columns - 1, (int)(x[i] / x[^1] * columns)));
        foreach (var column in groups)
        {
            double min = column.Min(i => y[i]), max = column.Max(i => y[i]);
            Assert.Contains(column, i => kept.Contains(i) && y[i] == min);
            Assert.Contains(column, i => kept.Contains(i) && y[i] == max);
        }
    }

    [Fact]
    public void LineOf100kPoints_IsDrawnWithAFewPointsPerPixel_AndTheSameExtremes()
    {
        var (x, y) = RandomWalk(100_000, 4);
        var figure = new Figure();
        figure.Axes.Line(x, y, "walk");
        var probe = new SvgProbe(figure.ToSvg());
        var axes = Assert.Single(probe.Axes);
        var points = SvgProbe.PathPoints((string)Assert.Single(probe.Paths("line")).Attribute("d")!);
        Assert.True(points.Count < 4 * 640, $"{points.Count} points drawn");
        var data = points.Select(p => SvgProbe.ToData(axes, p.X, p.Y).Y).ToArray();
        double tolerance = 0.01 / SvgProbe.PixelsPerUnit(axes).Y;
        Assert.Equal(y.Min(), data.Min(), tolerance);
        Assert.Equal(y.Max(), data.Max(), tolerance);
    }

    [Fact]
    public void ScatterOf100kPoints_IsBinned_Deterministically_AndCoversEveryPoint()
    {
        var rng = new Rng(5);
        int n = 100_000;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = rng.NextNormal(); y[i] = rng.NextNormal(); }
        var figure = new Figure();
        figure.Axes.Scatter(x, y, "cloud");
        string svg = figure.ToSvg();
        Assert.Equal(svg, figure.ToSvg());
        var probe = new SvgProbe(svg);
        string d = (string)Assert.Single(probe.Paths("scatter")).Attribute("d")!;
        int markers = d.Count(c => c == 'M');
        Assert.InRange(markers, 1000, 30_000);

        // every input point lies within one binning cell (4 px, diagonal ≤ 5.7 px) of a drawn marker's cell
        var axes = Assert.Single(probe.Axes);
        var centres = SvgProbe.Subpaths(d).Select(s => (X: s[0].X + 4, s[0].Y)).ToList(); // circles start at x - r
        var cells = centres.Select(c => ((long)Math.Floor(c.X / 4), (long)Math.Floor(c.Y / 4))).ToHashSet();
        var (sx, sy) = SvgProbe.PixelsPerUnit(axes);
        var plot = ((string)axes.Attribute("data-plot")!).Split(' ').Select(SvgProbe.Parse).ToArray();
        double x0 = SvgProbe.Parse((string)axes.Attribute("data-x-left")!), yTop = SvgProbe.Parse((string)axes.Attribute("data-y-top")!);
        int uncovered = 0;
        for (int i = 0; i < n; i++)
        {
            double px = plot[0] + (x[i] - x0) * sx, py = plot[1] + (yTop - y[i]) * sy;
            long cx = (long)Math.Floor(px / 4), cy = (long)Math.Floor(py / 4);
            bool near = false;
            for (long a = -1; a <= 1 && !near; a++)
                for (long b = -1; b <= 1 && !near; b++)
                    near = cells.Contains((cx + a, cy + b));
            if (!near) uncovered++;
        }
        Assert.Equal(0, uncovered);
    }

    [Fact]
    public void FirstPerCell_KeepsTheFirstPointOfEachCell()
    {
        int[] keep = Decimation.FirstPerCell([0.5, 1.5, 5, 5.5, 9], [0.5, 1.5, 0, 0.5, 9], 4);
        Assert.Equal([0, 2, 4], keep);
    }
}
