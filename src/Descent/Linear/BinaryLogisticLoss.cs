using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Numerics.Gemm;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The binary logistic objective over θ = (w, b), y ∈ {0, 1}, z = Xw + b, σ the sigmoid:
///   f(θ) = s·Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (λ/2)·‖w‖²,
///   ∇_w f = s·Xᵀ(σ(z) − y) + λw,   ∂f/∂b = s·Σᵢ(σ(zᵢ) − yᵢ),
///   ∇²f = s·[X 1]ᵀ diag(σ(1 − σ)) [X 1] + λ·diag(1…1, 0).
/// s = 1, λ = 1/C is scikit-learn's LogisticRegression objective (C·Σ log-loss + ½‖w‖², divided by C);
/// s = 1/n, λ = 1/(C·n) is the mean cross-entropy with the teaching material's λ/(2n)‖w‖² term (same minimiser).
/// Xw and Xᵀr are computed in one pass over X (<see cref="FusedScoreGradient"/>).
/// </summary>
internal sealed class BinaryLogisticLoss : ITwiceDifferentiableFunction
{
    private readonly Matrix<double> _x;
    private readonly double[] _y;
    private readonly double _scale;
    private readonly double _l2;
    private readonly bool _intercept;
    private readonly double[] _z;
    private readonly double[] _work;
    private readonly double[] _hessianWeights;
    private readonly double[] _rowLoss;
    private readonly double[] _weights;
    private readonly double[] _weightGradient;
    private readonly FusedScoreGradient _pass;
    private readonly FusedScoreGradient.RowRule _gradientRule;
    private readonly FusedScoreGradient.RowRule _hessianRule;
    private double _bias;

    public BinaryLogisticLoss(Matrix<double> x, double[] y, double scale, double l2, bool fitIntercept)
    {
        _x = x;
        _y = y;
        _scale = scale;
        _l2 = l2;
        _intercept = fitIntercept;
        _z = new double[x.Rows];
        _work = new double[x.Rows];
        _hessianWeights = new double[x.Rows];
        _rowLoss = new double[x.Rows];
        _weights = new double[x.Columns];
        _weightGradient = new double[x.Columns];
        _pass = new FusedScoreGradient(x, 1);
        _gradientRule = GradientRows;
        _hessianRule = HessianRows;
        Dimension = x.Columns + (fitIntercept ? 1 : 0);
    }

    public int Dimension { get; }

    private int P => _x.Columns;

    /// <summary>z = Xw + b.</summary>
    private void Scores(ReadOnlySpan<double> theta, double[] z)
    {
        theta[..P].CopyTo(_weights);
        Blas.Gemv(1.0, _x, Vec<double>.Wrap(_weights), 0.0, Vec<double>.Wrap(z));
        if (_intercept)
            TensorPrimitives.Add(z, theta[P], z);
    }

    public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        _bias = _intercept ? theta[P] : 0.0;
        _pass.Run(theta, _z, _gradientRule, _work, _scale, _weightGradient);
        var w = theta[..P];
        TensorPrimitives.MultiplyAdd(w, _l2, _weightGradient, gradient[..P]);
        if (_intercept)
            gradient[P] = _scale * TensorPrimitives.Sum(_work);
        return _scale * TensorPrimitives.Sum(_rowLoss) + 0.5 * _l2 * TensorPrimitives.Dot(w, w);
    }

    /// <summary>
    /// Rows [first, first + count): z += b, the row's loss log(1 + e^z) − yz into _rowLoss and the residual σ(z) − y
    /// into _work. log(1 + e^z) = max(z, 0) + log(1 + e^{−|z|}) and σ(z) = 1/(1 + e^{−z}) or e^{z}/(1 + e^{z}), both
    /// from e = e^{−|z|}: one exponential per row, exact for any z.
    /// </summary>
    private void GradientRows(int first, int count)
    {
        var z = _z.AsSpan(first, count);
        var e = _work.AsSpan(first, count);
        var rowLoss = _rowLoss.AsSpan(first, count);
        var y = _y.AsSpan(first, count);
        TensorPrimitives.Add(z, _bias, z);
        TensorPrimitives.Abs(z, e);
        TensorPrimitives.Negate(e, e);
        TensorPrimitives.Exp(e, e);
        TensorPrimitives.LogP1(e, rowLoss);
        for (int i = 0; i < count; i++)
        {
            double zi = z[i], ei = e[i];
            rowLoss[i] += Math.Max(zi, 0.0) - y[i] * zi;
            e[i] = (zi >= 0 ? 1.0 : ei) / (1.0 + ei) - y[i];
        }
    }

    public IHessianOperator HessianAt(ReadOnlySpan<double> theta)
    {
        Scores(theta, _z);
        Elementwise.Sigmoid(Vec<double>.Wrap(_z), Vec<double>.Wrap(_hessianWeights));
        for (int i = 0; i < _hessianWeights.Length; i++)
            _hessianWeights[i] = _scale * _hessianWeights[i] * (1 - _hessianWeights[i]);
        return new Hessian(this);
    }

    /// <summary>Rows [first, first + count) of u = (Xv + b)·σ(z)(1 − σ(z))·s.</summary>
    private void HessianRows(int first, int count)
    {
        var u = _work.AsSpan(first, count);
        TensorPrimitives.Add(u, _bias, u);
        TensorPrimitives.Multiply(u, _hessianWeights.AsSpan(first, count), u);
    }

    private sealed class Hessian(BinaryLogisticLoss loss) : IHessianOperator
    {
        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            int p = loss.P;
            loss._bias = loss._intercept ? v[p] : 0.0;
            var hw = loss._weightGradient;
            loss._pass.Run(v, loss._work, loss._hessianRule, loss._work, 1.0, hw);
            TensorPrimitives.MultiplyAdd(v[..p], loss._l2, hw, result[..p]);
            if (loss._intercept)
                result[p] = TensorPrimitives.Sum(loss._work);
        }
    }
}
