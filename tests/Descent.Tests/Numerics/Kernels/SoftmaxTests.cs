using System.Numerics;
using Descent.Numerics;
using static Descent.Tests.Numerics.Kernels.KernelAssert;

namespace Descent.Tests.Numerics.Kernels;

public class SoftmaxTests
{
    /// <summary>ln Σ exp(x) in double with the max shifted out (scipy's rule: a non-finite max shifts by 0).</summary>
    private static double LogSumExp(double[] row)
    {
        if (row.Length == 0)
            return double.NegativeInfinity;
        double max = row.Contains(double.NaN) ? double.NaN : row.Max();
        double shift = double.IsFinite(max) ? max : 0;
        return shift + Math.Log(row.Sum(v => Math.Exp(v - shift)));
    }

    public static TheoryData<int, int> Shapes() => new() { { 1, 1 }, { 1, 37 }, { 37, 1 }, { 6, 10 }, { 9, 33 }, { 0, 5 }, { 5, 0 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RowWise_MatchesReference_OnEveryView_IntoAGuardedDestination(int rows, int columns)
    {
        Run<float>(rows, columns);
        Run<double>(rows, columns);

        static void Run<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
        {
            // Large logits: a softmax without the max shift would overflow exp for every one of them.
            var values = Values<T>(rows * columns, rows + 10 * columns, low: 95, high: 105);
            foreach (string kind in MatrixKinds)
            {
                var x = MatrixView(values, rows, columns, kind);
                var (softmax, storage) = GuardedMatrix<T>(rows, columns);
                Assert.Same(softmax, x.Softmax(softmax));
                var logSoftmax = x.LogSoftmax(new Matrix<T>(columns, rows).Transpose());
                var (lse, lseStorage) = GuardedVec<T>(rows, stride: 3);
                Assert.Same(lse, x.LogSumExp(lse));
                for (int i = 0; i < rows; i++)
                {
                    var row = new double[columns];
                    for (int j = 0; j < columns; j++)
                        row[j] = D(values[i * columns + j]);
                    double expectedLse = LogSumExp(row);
                    Close(expectedLse, lse[i], "LogSumExp " + kind, i, scale: 4);
                    double total = 0;
                    for (int j = 0; j < columns; j++)
                    {
                        double p = Math.Exp(row[j] - expectedLse);
                        Close(p, softmax[i, j], "Softmax " + kind, i * columns + j, scale: 60);
                        Within(row[j] - expectedLse, logSoftmax[i, j], 200 * Epsilon<T>() * (1 + Math.Abs(row[j] - expectedLse)),
                            "LogSoftmax " + kind, i * columns + j);
                        total += D(softmax[i, j]);
                    }
                    if (columns > 0)
                        Within(1.0, Of<T>(total), 4 * columns * Epsilon<T>(), "row sum " + kind, i);
                }
                SentinelsIntact(storage, softmax);
                SentinelsIntact(lseStorage, lse);

                var inPlace = MatrixView(values, rows, columns, kind);
                inPlace.Softmax(inPlace);
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < columns; j++)
                        Exact(softmax[i, j], inPlace[i, j], "Softmax in place " + kind, i * columns + j);
            }
        }
    }

    [Fact]
    public void NonFiniteRows_FollowScipy()
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        var x = Matrix.FromArray(new[,]
        {
            { -inf, -inf, -inf },
            { inf, 1, 2 },
            { nan, 1, 2 },
            { -inf, 0, 0 },
        });
        var lse = x.LogSumExp();
        Assert.Equal(-inf, lse[0]);
        Assert.Equal(inf, lse[1]);
        Assert.True(double.IsNaN(lse[2]));
        Assert.Equal(Math.Log(2), lse[3], 15);

        var softmax = x.Softmax();
        Assert.All(softmax.Row(0).ToArray(), p => Assert.True(double.IsNaN(p)));
        Assert.All(softmax.Row(1).ToArray(), p => Assert.True(double.IsNaN(p)));
        Assert.All(softmax.Row(2).ToArray(), p => Assert.True(double.IsNaN(p)));
        Assert.Equal(new[] { 0, 0.5, 0.5 }, softmax.Row(3).ToArray());
        Assert.Equal(new[] { -inf, -Math.Log(2), -Math.Log(2) }, x.LogSoftmax().Row(3).ToArray());
    }

    [Fact]
    public void VectorForms_AgreeWithTheOneRowMatrix()
    {
        var values = Values<float>(50, 9, low: -30, high: 30);
        var column = VecView(values, "strided");
        var asMatrix = Matrix.RowVector<float>(values);
        Assert.Equal(asMatrix.LogSumExp()[0], column.LogSumExp());
        Assert.Equal(asMatrix.Softmax().ToArray(), column.Softmax().ToArray());
        Assert.Equal(asMatrix.LogSoftmax().ToArray(), column.LogSoftmax().ToArray());
        Assert.Equal(float.NegativeInfinity, new Vec<float>(0).LogSumExp());
        var error = Assert.Throws<ArgumentException>(() => asMatrix.Softmax(new Matrix<float>(50, 1)));
        Assert.StartsWith("Matrix.Softmax: destination has shape (50×1) but the result has shape (1×50)", error.Message);
    }
}
