using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// X and y prepared for elastic-net coordinate descent, centred (with an intercept) as scikit-learn's
/// <c>_preprocess_data</c> centres them, so that b = ȳ − x̄·w, in the form the chosen sweeper works on: the Gram matrix
/// XcᵀXc with Xcᵀyc, computed in one pass over X with the centering fused in (<see cref="CenteredGram"/>), or the centred
/// columns (<see cref="CenteredColumns"/>).
/// </summary>
internal sealed class ElasticNetData
{
    private readonly double[] _xMeans;
    private readonly double _yMean;
    private readonly double[]? _xty;
    private readonly CenteredColumns? _columns;

    private ElasticNetData(IElasticNetSweeper sweeper, double[] xMeans, double yMean, double[]? xty, CenteredColumns? columns)
    {
        Sweeper = sweeper;
        _xMeans = xMeans;
        _yMean = yMean;
        _xty = xty;
        _columns = columns;
    }

    /// <summary>The sweeper over the prepared data.</summary>
    public IElasticNetSweeper Sweeper { get; }

    /// <summary>
    /// Prepares X and y for the Gram sweeper (<paramref name="gram"/>) or the residual sweeper, centred when
    /// <paramref name="center"/>, and checks them on the way (their shapes are the caller's to check first).
    /// </summary>
    /// <exception cref="DescentDataException">X or y holds NaN or ±∞, or a column of X cannot be squared (the message
    /// starts with <paramref name="operation"/>).</exception>
    public static ElasticNetData Create(Matrix<double> x, ReadOnlySpan<double> y, bool center, bool gram, string operation)
    {
        if (!gram || x.Rows == 0)
        {
            var columns = CenteredColumns.Create(x, y, center, operation);
            return new ElasticNetData(new ResidualSweeper(columns.Columns, columns.Y, columns.ColumnSquaredNorms),
                columns.XMeans, columns.YMean, null, columns);
        }
        var products = CenteredGram.Compute(x, y, center);
        DataCheck.RegressionData(x, y, products.ColumnMagnitudes, operation);
        return new ElasticNetData(new GramSweeper(products), products.XMean, products.YMean, products.XTy, null);
    }

    /// <summary>max |Xcⱼᵀyc|: the penalty n·α·ρ from which w = 0 is optimal.</summary>
    public double MaxAbsCorrelation()
    {
        if (_xty is not null)
            return Math.Abs(TensorPrimitives.MaxMagnitude<double>(_xty));
        var columns = _columns!;
        int n = columns.Rows;
        double max = 0;
        for (int j = 0; j < columns.FeatureCount; j++)
            max = Math.Max(max, Math.Abs(TensorPrimitives.Dot(columns.Columns.AsSpan(j * n, n), columns.Y)));
        return max;
    }

    /// <summary>b = ȳ − x̄·w.</summary>
    public double Intercept(ReadOnlySpan<double> w) => _yMean - TensorPrimitives.Dot(_xMeans, w);
}
