using Descent.Numerics;

namespace Descent.Tests.Numerics;

public class MatrixViewTests
{
    private static Matrix<double> Counting(int rows, int columns)
    {
        var m = new Matrix<double>(rows, columns);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                m[i, j] = i * 100 + j;
        return m;
    }

    [Fact]
    public void Transpose_IsAView_WithSwappedIndices()
    {
        var m = Counting(3, 5);
        var t = m.Transpose();
        Assert.Equal(new Shape(5, 3), t.Shape);
        Assert.Equal(m[2, 4], t[4, 2]);
        t[1, 2] = -1;
        Assert.Equal(-1, m[2, 1]);
        Assert.Same(t, m.Transpose());            // made once, so transposing in a training loop allocates nothing
        Assert.Same(m, t.Transpose());
    }

    [Fact]
    public void RowAndColumnViews_ShareStorage()
    {
        var m = Counting(4, 3);
        Assert.Equal(new double[] { 200, 201, 202 }, m.Row(2).ToArray());
        Assert.Equal(new double[] { 1, 101, 201, 301 }, m.Column(1).ToArray());
        m.Column(2)[3] = 7;
        Assert.Equal(7, m[3, 2]);
    }

    [Fact]
    public void Slice_OfTranspose_CopiesTheRightElements()
    {
        var m = Counting(6, 7);
        var block = m.Transpose().Slice(1, 3, 2, 4).Copy();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(m[2 + j, 1 + i], block[i, j]);
        Assert.True(block.IsContiguous);
    }

    [Fact]
    public void Reshape_OfContiguous_IsAView_AndOfStrided_IsACopy()
    {
        var m = Counting(2, 6);
        var r = m.Reshape(3, -1);
        Assert.Equal(new Shape(3, 4), r.Shape);
        Assert.Equal(m[1, 0], r[1, 2]);
        r[0, 0] = 42;
        Assert.Equal(42, m[0, 0]);
        var fromStrided = m.Transpose().Reshape(1, 12);
        Assert.Equal(new[] { 42.0, 100, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105 }, fromStrided.ToArray());
    }

    [Fact]
    public void Reshape_Throws_NamingBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Counting(2, 6).Reshape(5, 2));
        Assert.Contains("2×6", ex.Message);
        Assert.Contains("5×2", ex.Message);
    }
}
