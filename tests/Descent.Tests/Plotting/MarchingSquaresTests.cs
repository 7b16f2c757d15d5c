using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class MarchingSquaresTests
{
    private static Grid2D Paraboloid(int n) => Grid2D.Evaluate((x, y) => x * x + y * y, -2, 2, -2, 2, n, n);

    [Fact]
    public void IsoLines_OfACircle_AreOneClosedCurveOnTheCircle()
    {
        var lines = MarchingSquares.IsoLines(Paraboloid(101), 1.0);
        var line = Assert.Single(lines);
        Assert.True(line.Length > 100);
        Assert.Equal(line[0], line[^1]); // closed
        // linear interpolation of r² between grid nodes h = 0.04 apart errs by at most h²/4 in r²
        foreach (var (x, y) in line)
            Assert.InRange(Math.Sqrt(x * x + y * y), 1 - 5e-4, 1 + 5e-4);
        // it goes all the way round: the polygon's area is π
        Assert.Equal(Math.PI, Math.Abs(Shoelace(line)), 2);
    }

    [Fact]
    public void IsoLines_OfTwoCircles_AreTwoCurves()
    {
        var grid = Grid2D.Evaluate((x, y) => Math.Min((x - 1) * (x - 1) + y * y, (x + 1) * (x + 1) + y * y), -3, 3, -2, 2, 151, 101);
        var lines = MarchingSquares.IsoLines(grid, 0.25);
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            double cx = line.Average(p => p.X);
            foreach (var (x, y) in line)
                Assert.InRange(Math.Sqrt((x - cx) * (x - cx) + y * y), 0.5 - 2e-3, 0.5 + 2e-3);
        }
    }

    [Fact]
    public void SuperLevelPolygons_CoverTheRegionOutsideTheCircle()
    {
        // {x² + y² >= 1} inside [-2, 2]² has area 16 - π
        var polygons = MarchingSquares.SuperLevelPolygons(Paraboloid(101), 1.0);
        double area = polygons.Sum(p => Math.Abs(Shoelace(p)));
        Assert.Equal(16 - Math.PI, area, 2);
        // and every polygon vertex is in the region (up to the interpolation error)
        foreach (var polygon in polygons)
            foreach (var (x, y) in polygon)
                Assert.True(x * x + y * y >= 1 - 2e-3, $"({x}, {y}) is inside the circle");
    }

    [Fact]
    public void SkipsCellsWithNaN()
    {
        var grid = Grid2D.Evaluate((x, y) => x < 0 ? double.NaN : x * x + y * y, -2, 2, -2, 2, 41, 41);
        foreach (var line in MarchingSquares.IsoLines(grid, 1.0))
            foreach (var (x, _) in line)
                Assert.True(x >= -0.1);
    }

    [Fact]
    public void Grid2D_RejectsValuesOfTheWrongShape()
    {
        var error = Assert.Throws<ArgumentException>(() => new Grid2D([0.0, 1, 2], [0.0, 1], new double[3, 2]));
        Assert.Contains("values are 3×2 but there are 2 y and 3 x coordinates", error.Message);
    }

    private static double Shoelace(IReadOnlyList<(double X, double Y)> polygon)
    {
        double sum = 0;
        for (int i = 0; i < polygon.Count; i++)
        {
            var (x0, y0) = polygon[i];
            var (x1, y1) = polygon[(i + 1) % polygon.Count];
            sum += x0 * y1 - x1 * y0;
        }
        return sum / 2;
    }
}
