using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class Grid2DTests
{
    [Fact]
    public void ArgMin_FindsTheGridPointNearestTheMinimum_SkippingNonFiniteValues()
    {
        // (x − 0.3)² + 2(y + 1.1)² on a 0.1 grid: the minimum sits on the grid point (0.3, −1.1)
        var grid = Grid2D.Evaluate((x, y) => x < -1.5 ? double.NaN : (x - 0.3) * (x - 0.3) + 2 * (y + 1.1) * (y + 1.1), -2, 2, -2, 2, 41, 41);
        var (x, y, value) = grid.ArgMin();
        Assert.Equal(0.3, x, 12);
        Assert.Equal(-1.1, y, 12);
        Assert.Equal(0, value, 12);
        // off the grid, the nearest point wins: the minimum at (0.33, 0) lies 0.03 from x = 0.3
        var (nx, ny, _) = Grid2D.Evaluate((a, b) => (a - 0.33) * (a - 0.33) + b * b, -1, 1, -1, 1, 21, 21).ArgMin();
        Assert.Equal((0.3, 0.0), (Math.Round(nx, 12), Math.Round(ny, 12)));
        var empty = Grid2D.Evaluate((_, _) => double.NaN, 0, 1, 0, 1, 2, 2).ArgMin();
        Assert.True(double.IsNaN(empty.Value));
    }
}
