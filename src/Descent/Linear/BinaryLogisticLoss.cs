using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The binary logistic objective over θ = (w, b), y ∈ {0, 1}, z = Xw + b, σ the sigmoid:
///   f(θ) = s·Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (λ/2)·‖w‖²,
///   ∇_w f = s·Xᵀ(σ(z) − y) + λw,   ∂f/∂b = s·Σᵢ(σ(zᵢ) − yᵢ),
///   ∇²f = s·[X 1]ᵀ diag(σ(1 − σ)) [X 1] + λ·diag(1…1, 0).
/// s = 1, λ = 1/C is scikit-learn's LogisticRegression objective (C·Σ log-loss + ½‖w‖², divided by C);
/// s = 1/n, λ = 1/(C·n) is the mean cross-entropy with the teaching material's λ/(2n)‖w‖² term (same minimiser).
/// Products with X go through <see cref="Blas"/> (Xw as a GEMV); Xᵀr is accumulated row by row (<see cref="RowAccumulation"/>).
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
    private readonly double[] _softplus;
    private readonly double[] _weights;
    private readonly double[] _weightGradient;

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
        _softplus = new double[x.Rows];
        _weights = new double[x.Columns];
        _weightGradient = new double[x.Columns];
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
        Scores(theta, _z);
        // log(1 + e^z) = max(z, 0) + log(1 + e^{−|z|}) and σ(z) = 1/(1 + e^{−z}) or e^{z}/(1 + e^{z}), both from
        // e = e^{−|z|}: one exponential per row, exact for any z.
        var z = _z.AsSpan();
        var e = _work.AsSpan();
        TensorPrimitives.Abs(z, e);
        TensorPrimitives.Negate(e, e);
        TensorPrimitives.Exp(e, e);
        var softplus = _softplus.AsSpan();
        TensorPrimitives.LogP1(e, softplus);
        var y = _y.AsSpan(0, z.Length);
        double loss = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double zi = z[i], ei = e[i];
            loss += Math.Max(zi, 0.0) + softplus[i] - y[i] * zi;
            e[i] = (zi >= 0 ? 1.0 : ei) / (1.0 + ei) - y[i];
        }
        RowAccumulation.TransposeTimes(_scale, _x, _work, _weightGradient);
        var w = theta[..P];
        TensorPrimitives.MultiplyAdd(w, _l2, _weightGradient, gradient[..P]);
        if (_intercept)
            gradient[P] = _scale * TensorPrimitives.Sum(_work);
        return _scale * loss + 0.5 * _l2 * TensorPrimitives.Dot(w, w);
    }

    public IHessianOperator HessianAt(ReadOnlySpan<double> theta)
    {
        Scores(theta, _z);
        TensorPrimitives.Sigmoid(_z, _hessianWeights);
        for (int i = 0; i < _hessianWeights.Length; i++)
            _hessianWeights[i] = _scale * _hessianWeights[i] * (1 - _hessianWeights[i]);
        return new Hessian(this);
    }

    private sealed class Hessian(BinaryLogisticLoss loss) : IHessianOperator
    {
        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            int p = loss.P;
            var u = loss._work;
            loss.Scores(v, u);
            TensorPrimitives.Multiply(u, loss._hessianWeights, u);
            var hw = loss._weightGradient;
            RowAccumulation.TransposeTimes(1.0, loss._x, u, hw);
            TensorPrimitives.MultiplyAdd(v[..p], loss._l2, hw, result[..p]);
            if (loss._intercept)
                result[p] = TensorPrimitives.Sum(u);
        }
    }
}
