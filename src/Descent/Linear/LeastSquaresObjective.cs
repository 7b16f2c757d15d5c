using System.Numerics.Tensors;
using Descent.Metrics;
using Descent.Numerics;
using Descent.Numerics.Kernels;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The course's cost for linear regression over a batch B of rows, with θ = (b, w) (or w alone without an intercept):
///   J_B(θ) = 1/(2|B|)·Σ_{i∈B} rᵢ²,   rᵢ = w·xᵢ + b − yᵢ,
///   ∂J_B/∂w = 1/|B|·Σ_{i∈B} rᵢ·xᵢ,   ∂J_B/∂b = 1/|B|·Σ_{i∈B} rᵢ.
/// On all rows in order (batch gradient descent) the residual is computed with two matrix-vector products, and the
/// residual of the last full-pass <see cref="Loss"/> is reused when the next gradient is asked at the same θ.
/// </summary>
internal sealed class LeastSquaresObjective : IMiniBatchObjective<double>
{
    private readonly Matrix<double> _x;
    private readonly double[] _y;
    private readonly bool _intercept;
    private readonly double[] _residual;
    private readonly double[] _residualTheta;
    private readonly double[] _weights;
    private readonly double[] _weightGradient;
    private bool _residualValid;

    public LeastSquaresObjective(Matrix<double> x, double[] y, bool fitIntercept)
    {
        _x = x;
        _y = y;
        _intercept = fitIntercept;
        _residual = new double[x.Rows];
        Dimension = x.Columns + (fitIntercept ? 1 : 0);
        _residualTheta = new double[Dimension];
        _weights = new double[x.Columns];
        _weightGradient = new double[x.Columns];
    }

    public int Rows => _x.Rows;

    public int Dimension { get; }

    public IReadOnlyList<int>? ClassOfRow => null;

    private int WeightsAt => _intercept ? 1 : 0;

    private double Bias(ReadOnlySpan<double> theta) => _intercept ? theta[0] : 0.0;

    public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var w = theta[WeightsAt..];
        var gw = gradient[WeightsAt..];
        double b = Bias(theta);
        if (IsAllRowsInOrder(rows))
        {
            if (!_residualValid || !theta.SequenceEqual(_residualTheta))
                FullResidual(theta);
            _residualValid = false;
            // ∂J/∂w = 1/m·Xᵀr, ∂J/∂b = 1/m·Σ rᵢ
            Blas.Gemv(1.0 / _x.Rows, _x, Vec<double>.Wrap(_residual), 0.0, Vec<double>.Wrap(_weightGradient), transposeA: true);
            _weightGradient.CopyTo(gw);
            if (_intercept)
                gradient[0] = TensorPrimitives.Sum<double>(_residual) / _x.Rows;
            return TensorPrimitives.SumOfSquares<double>(_residual) / (2.0 * _x.Rows);
        }
        gw.Clear();
        var (squares, residualSum) = GatheredRowsKernel.Residuals(_x, rows, w, b, _y, gw);
        TensorPrimitives.Multiply(gw, 1.0 / rows.Length, gw);
        if (_intercept)
            gradient[0] = residualSum / rows.Length;
        return squares / (2.0 * rows.Length);
    }

    public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta)
    {
        if (IsAllRowsInOrder(rows))
        {
            FullResidual(theta);
            return TensorPrimitives.SumOfSquares<double>(_residual) / (2.0 * _x.Rows);
        }
        var (squares, _) = GatheredRowsKernel.Residuals(_x, rows, theta[WeightsAt..], Bias(theta), _y, Span<double>.Empty);
        return squares / (2.0 * rows.Length);
    }

    public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta)
    {
        var w = theta[WeightsAt..];
        double b = Bias(theta);
        var actual = new double[rows.Length];
        var predicted = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            actual[k] = _y[rows[k]];
            predicted[k] = TensorPrimitives.Dot(_x.RowSpan(rows[k]), w) + b;
        }
        return RegressionMetrics.R2Score(actual, predicted);
    }

    /// <summary>r = X·w + b − y over all rows into the residual buffer, remembered as the residual of θ.</summary>
    private void FullResidual(ReadOnlySpan<double> theta)
    {
        _y.CopyTo(_residual, 0);
        theta[WeightsAt..].CopyTo(_weights);
        Blas.Gemv(1.0, _x, Vec<double>.Wrap(_weights), -1.0, Vec<double>.Wrap(_residual));
        double b = Bias(theta);
        if (b != 0)
            TensorPrimitives.Add(_residual, b, _residual);
        theta.CopyTo(_residualTheta);
        _residualValid = true;
    }

    private bool IsAllRowsInOrder(ReadOnlySpan<int> rows)
    {
        if (rows.Length != _x.Rows)
            return false;
        for (int i = 0; i < rows.Length; i++)
            if (rows[i] != i)
                return false;
        return true;
    }
}
