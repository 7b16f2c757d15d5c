using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

public class BinaryOpTests
{
    /// <summary>One binary function in its (matrix, matrix), (matrix, scalar), (scalar, matrix) and vector forms, and
    /// its reference computed in T (every one is exactly rounded by IEEE, so results must match bit for bit).</summary>
    private sealed record Case<T>(
        string Name,
        Func<Matrix<T>, Matrix<T>, Matrix<T>?, Matrix<T>> Matrices,
        Func<Matrix<T>, T, Matrix<T>?, Matrix<T>> MatrixScalar,
        Func<T, Matrix<T>, Matrix<T>?, Matrix<T>>? ScalarMatrix,
        Func<Vec<T>, Vec<T>, Vec<T>?, Vec<T>> Vectors,
        Func<Vec<T>, T, Vec<T>?, Vec<T>> VectorScalar,
        Func<T, Vec<T>, Vec<T>?, Vec<T>>? ScalarVector,
        Func<T, T, T> Reference) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>IEEE 754 maximum: NaN if either is NaN, +0 above −0.</summary>
    private static T Max<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(a) || T.IsNaN(b) ? T.NaN : a > b ? a : b > a ? b : T.IsNegative(a) ? b : a;

    private static T Min<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(a) || T.IsNaN(b) ? T.NaN : a < b ? a : b < a ? b : T.IsNegative(a) ? a : b;

    private static List<Case<T>> Cases<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
    [
        new("Add", (x, y, d) => Elementwise.Add(x, y, d), (x, s, d) => Elementwise.Add(x, s, d), null,
            (x, y, d) => Elementwise.Add(x, y, d), (x, s, d) => Elementwise.Add(x, s, d), null, (a, b) => a + b),
        new("Subtract", (x, y, d) => Elementwise.Subtract(x, y, d), (x, s, d) => Elementwise.Subtract(x, s, d),
            (s, y, d) => Elementwise.Subtract(s, y, d), (x, y, d) => Elementwise.Subtract(x, y, d),
            (x, s, d) => Elementwise.Subtract(x, s, d), (s, y, d) => Elementwise.Subtract(s, y, d), (a, b) => a - b),
        new("Multiply", (x, y, d) => Elementwise.Multiply(x, y, d), (x, s, d) => Elementwise.Multiply(x, s, d), null,
            (x, y, d) => Elementwise.Multiply(x, y, d), (x, s, d) => Elementwise.Multiply(x, s, d), null, (a, b) => a * b),
        new("Divide", (x, y, d) => Elementwise.Divide(x, y, d), (x, s, d) => Elementwise.Divide(x, s, d),
            (s, y, d) => Elementwise.Divide(s, y, d), (x, y, d) => Elementwise.Divide(x, y, d),
            (x, s, d) => Elementwise.Divide(x, s, d), (s, y, d) => Elementwise.Divide(s, y, d), (a, b) => a / b),
        new("Maximum", (x, y, d) => Elementwise.Maximum(x, y, d), (x, s, d) => Elementwise.Maximum(x, s, d), null,
            (x, y, d) => Elementwise.Maximum(x, y, d), (x, s, d) => Elementwise.Maximum(x, s, d), null, Max),
        new("Minimum", (x, y, d) => Elementwise.Minimum(x, y, d), (x, s, d) => Elementwise.Minimum(x, s, d), null,
            (x, y, d) => Elementwise.Minimum(x, y, d), (x, s, d) => Elementwise.Minimum(x, s, d), null, Min),
    ];

    public static TheoryData<int> AllLengths() => Lengths();

    [Theory]
    [MemberData(nameof(AllLengths))]
    public void VectorForms_MatchScalarReference_ForEveryViewAndLength(int n)
    {
        Run<float>(n);
        Run<double>(n);

        static void Run<T>(int n) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var xs = Mixed<T>(n, n);
            var ys = Mixed<T>(n, n + 1000);
            T scalar = Of<T>(-1.75);
            foreach (var op in Cases<T>())
            {
                foreach (string kind in VecKinds)
                {
                    var x = VecView(xs, kind);
                    var y = VecView(ys, kind == "strided" ? "offset" : "strided");
                    var (d, storage) = GuardedVec<T>(n, kind == "contiguous" ? 1 : 2);
                    Assert.Same(d, op.Vectors(x, y, d));
                    for (int i = 0; i < n; i++)
                        Exact(op.Reference(xs[i], ys[i]), d[i], op.Name + " vec·vec " + kind, i);
                    op.VectorScalar(x, scalar, d);
                    for (int i = 0; i < n; i++)
                        Exact(op.Reference(xs[i], scalar), d[i], op.Name + " vec·scalar " + kind, i);
                    if (op.ScalarVector is not null)
                    {
                        op.ScalarVector(scalar, x, d);
                        for (int i = 0; i < n; i++)
                            Exact(op.Reference(scalar, xs[i]), d[i], op.Name + " scalar·vec " + kind, i);
                    }
                    SentinelsIntact(storage, d);
                }
                var inPlace = Vec<T>.Wrap((T[])xs.Clone());
                op.Vectors(inPlace, Vec<T>.Wrap(ys), inPlace);
                for (int i = 0; i < n; i++)
                    Exact(op.Reference(xs[i], ys[i]), inPlace[i], op.Name + " in place", i);
            }
        }
    }

    public static TheoryData<int, int, int, int> BroadcastShapes()
    {
        var shapes = new[] { (1, 1), (1, 9), (9, 1), (5, 7), (17, 33), (0, 3), (3, 0) }.SelectMany(s =>
        {
            var (m, n) = s;
            return new[] { (m, n, m, n), (m, n, 1, n), (m, n, m, 1), (m, n, 1, 1), (1, n, m, n), (m, 1, 1, n), (1, 1, m, n) };
        });
        var data = new TheoryData<int, int, int, int>();
        foreach (var (xRows, xColumns, yRows, yColumns) in shapes.Distinct()) // e.g. every form of 1×1 is the same case
            data.Add(xRows, xColumns, yRows, yColumns);
        return data;
    }

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void MatrixForms_Broadcast_AsNumpy_OnEveryKindOfView(int xRows, int xColumns, int yRows, int yColumns)
    {
        Run<float>(xRows, xColumns, yRows, yColumns);
        Run<double>(xRows, xColumns, yRows, yColumns);

        static void Run<T>(int xRows, int xColumns, int yRows, int yColumns) where T : unmanaged, IFloatingPointIeee754<T>
        {
            int rows = Math.Max(xRows, yRows), columns = Math.Max(xColumns, yColumns);
            if (xRows == 0 || yRows == 0) rows = 0;
            if (xColumns == 0 || yColumns == 0) columns = 0;
            var xs = Mixed<T>(xRows * xColumns, 11);
            var ys = Mixed<T>(yRows * yColumns, 12);
            T X(int i, int j) => xs[(xRows == 1 ? 0 : i) * xColumns + (xColumns == 1 ? 0 : j)];
            T Y(int i, int j) => ys[(yRows == 1 ? 0 : i) * yColumns + (yColumns == 1 ? 0 : j)];
            T scalar = Of<T>(0.375);
            foreach (var op in Cases<T>())
            {
                foreach (string kind in MatrixKinds)
                {
                    var x = MatrixView(xs, xRows, xColumns, kind);
                    var y = MatrixView(ys, yRows, yColumns, kind == "contiguous" ? "transposed" : "contiguous");
                    var (d, storage) = GuardedMatrix<T>(rows, columns);
                    foreach (var target in new Matrix<T>?[] { d, new Matrix<T>(columns, rows).Transpose(), null })
                    {
                        var result = op.Matrices(x, y, target);
                        Assert.Equal(new Shape(rows, columns), result.Shape);
                        for (int i = 0; i < rows; i++)
                            for (int j = 0; j < columns; j++)
                                Exact(op.Reference(X(i, j), Y(i, j)), result[i, j], $"{op.Name} {kind}", i * columns + j);
                    }
                    SentinelsIntact(storage, d);

                    var withScalar = op.MatrixScalar(x, scalar, null);
                    for (int i = 0; i < xRows; i++)
                        for (int j = 0; j < xColumns; j++)
                            Exact(op.Reference(xs[i * xColumns + j], scalar), withScalar[i, j], $"{op.Name} scalar {kind}", i);
                    if (op.ScalarMatrix is not null)
                    {
                        var scalarFirst = op.ScalarMatrix(scalar, x, null);
                        for (int i = 0; i < xRows; i++)
                            for (int j = 0; j < xColumns; j++)
                                Exact(op.Reference(scalar, xs[i * xColumns + j]), scalarFirst[i, j], $"{op.Name} scalar first {kind}", i);
                    }
                }
            }
        }
    }

    [Fact]
    public void Shapes_ThatCannotBroadcast_AreRejected_NamingBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Elementwise.Add(new Matrix<double>(3, 4), new Matrix<double>(2, 4)));
        Assert.Equal("Elementwise.Add: shapes (3×4) and (2×4) cannot be broadcast together: row counts 3 and 2 differ and " +
            "neither is 1. Each dimension must match or be 1 (a 1×n row, an m×1 column or a 1×1 scalar is stretched).", error.Message);
        var columns = Assert.Throws<ArgumentException>(() => new Matrix<float>(3, 4) * new Matrix<float>(1, 5));
        Assert.StartsWith("Elementwise.Multiply: shapes (3×4) and (1×5) cannot be broadcast together: column counts 4 and 5 differ", columns.Message);
        var vectors = Assert.Throws<ArgumentException>(() => new Vec<double>(3) - new Vec<double>(4));
        Assert.StartsWith("Elementwise.Subtract: vectors of lengths 3 and 4 cannot be combined elementwise", vectors.Message);
        var destination = Assert.Throws<ArgumentException>(() =>
            Elementwise.Divide(new Matrix<double>(3, 1), new Matrix<double>(1, 4), new Matrix<double>(3, 1)));
        Assert.StartsWith("Elementwise.Divide: destination has shape (3×1) but the result has shape (3×4)", destination.Message);
    }

    [Fact]
    public void Destination_OverlappingAnInput_GivesTheResultOfUnaliasedInputs()
    {
        var storage = Matrix.Wrap(Enumerable.Range(0, 24).Select(v => (double)v).ToArray(), 4, 6);
        var x = storage.ColumnRange(0, 5);
        var expected = Elementwise.Add(x.Copy(), 100.0);
        Elementwise.Add(x, 100.0, storage.ColumnRange(1, 5)); // writes column j + 1 from column j
        Assert.Equal(expected.ToArray(), storage.ColumnRange(1, 5).ToArray());

        var grid = Matrix.Wrap(Enumerable.Range(1, 12).Select(v => (double)v).ToArray(), 3, 4);
        var firstRow = grid.RowRange(0, 1);
        var expectedGrid = Elementwise.Multiply(grid.Copy(), firstRow.Copy());
        Elementwise.Multiply(grid, firstRow, grid); // row 0 is both broadcast operand and destination
        Assert.Equal(expectedGrid.ToArray(), grid.ToArray());
    }

    [Fact]
    public void Operators_AreTheElementwiseFunctions()
    {
        var a = Matrix.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var row = Matrix.RowVector<double>([10, 20, 30]);
        var column = Matrix.ColumnVector<double>([2, 4]);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, (a + row).ToArray());
        Assert.Equal(new double[] { -1, 0, 1, 0, 1, 2 }, (a - column).ToArray());
        Assert.Equal(new double[] { 2, 4, 6, 16, 20, 24 }, (a * column).ToArray());
        Assert.Equal(new double[] { 0.5, 1, 1.5, 1, 1.25, 1.5 }, (a / column).ToArray());
        Assert.Equal(new double[] { 3, 4, 5, 6, 7, 8 }, (a + 2.0).ToArray());
        Assert.Equal(new double[] { 3, 4, 5, 6, 7, 8 }, (2.0 + a).ToArray());
        Assert.Equal(new double[] { 9, 8, 7, 6, 5, 4 }, (10.0 - a).ToArray());
        Assert.Equal(new double[] { 12, 6, 4, 3, 2.4, 2 }, (12.0 / a).ToArray());
        Assert.Equal(new double[] { 3, 6, 9, 12, 15, 18 }, (3.0 * a).ToArray());
        Assert.Equal(new double[] { -1, -2, -3, -4, -5, -6 }, (-a).ToArray());

        var v = Vec<float>.Wrap([1, 2, 4]);
        var w = Vec<float>.Wrap([4, 2, 1]);
        Assert.Equal(new float[] { 5, 4, 5 }, (v + w).ToArray());
        Assert.Equal(new float[] { -3, 0, 3 }, (v - w).ToArray());
        Assert.Equal(new float[] { 4, 4, 4 }, (v * w).ToArray());
        Assert.Equal(new float[] { 0.25f, 1, 4 }, (v / w).ToArray());
        Assert.Equal(new float[] { 7, 6, 4 }, (8f - v).ToArray());
        Assert.Equal(new float[] { 4, 2, 1 }, (4f / v).ToArray());
        Assert.Equal(new float[] { 2, 4, 8 }, (v * 2f).ToArray());
        Assert.Equal(new float[] { -1, -2, -4 }, (-v).ToArray());
    }

    [Fact]
    public void Axpy_AddsAScaledInput_InPlace_WithBroadcasting()
    {
        var y = Matrix.FromArray(new double[,] { { 1, 1, 1 }, { 2, 2, 2 } });
        Elementwise.Axpy(0.5, Matrix.RowVector<double>([2, 4, 6]), y);
        Assert.Equal(new double[] { 2, 3, 4, 3, 4, 5 }, y.ToArray());

        var values = Values<float>(100, 3);
        var x = Vec<float>.Wrap(Values<float>(100, 4));
        var (target, storage) = GuardedVec<float>(100, 3);
        for (int i = 0; i < 100; i++)
            target[i] = values[i];
        Elementwise.Axpy(-2.5f, x, target);
        for (int i = 0; i < 100; i++)
            Close(values[i] - 2.5 * x[i], target[i], "axpy", i, scale: 4);
        SentinelsIntact(storage, target);
        Assert.Throws<ArgumentException>(() => Elementwise.Axpy(1.0, new Vec<double>(3), new Vec<double>(4)));
    }
}
