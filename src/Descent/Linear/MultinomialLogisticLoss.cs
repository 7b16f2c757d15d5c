using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The multinomial (softmax) cross-entropy over θ = (W, b), W K × p row-major then b (K), Z = XWᵀ + 1bᵀ,
/// P = softmax(Z) row-wise, Y the one-hot classes:
///   f(θ) = s·Σᵢ [log Σₖ e^{zᵢₖ} − zᵢ,yᵢ] + (λ/2)·‖W‖²_F,
///   ∇_W f = s·(P − Y)ᵀX + λW,   ∇_b f = s·1ᵀ(P − Y),
///   ∇²f·(V, v) = (s·Rᵀ X + λV, s·1ᵀR),   Rᵢₖ = pᵢₖ(uᵢₖ − Σⱼ pᵢⱼuᵢⱼ),  U = XVᵀ + 1vᵀ.
/// s = 1, λ = 1/C is scikit-learn's multinomial LogisticRegression objective; s = 1/n, λ = 1/(C·n) the mean
/// cross-entropy. The log-sum-exp is computed stably; both products with X go through <see cref="Blas.Gemm{T}"/>.
/// </summary>
internal sealed class MultinomialLogisticLoss : ITwiceDifferentiableFunction
{
    private readonly Matrix<double> _x;
    private readonly int[] _classOf;
    private readonly int _classes;
    private readonly double _scale;
    private readonly double _l2;
    private readonly bool _intercept;
    private readonly double[] _scores;
    private readonly double[] _logSumExp;
    private readonly double[] _probabilities;
    private readonly double[] _weights;
    private readonly double[] _weightGradient;

    public MultinomialLogisticLoss(Matrix<double> x, int[] classOf, int classes, double scale, double l2, bool fitIntercept)
    {
        _x = x;
        _classOf = classOf;
        _classes = classes;
        _scale = scale;
        _l2 = l2;
        _intercept = fitIntercept;
        _scores = new double[x.Rows * classes];
        _logSumExp = new double[x.Rows];
        _probabilities = new double[x.Rows * classes];
        _weights = new double[classes * x.Columns];
        _weightGradient = new double[classes * x.Columns];
        Dimension = classes * x.Columns + (fitIntercept ? classes : 0);
    }

    public int Dimension { get; }

    private int WeightCount => _weights.Length;

    /// <summary>Z = XWᵀ + 1bᵀ into <paramref name="z"/> (n × K row-major).</summary>
    private void Scores(ReadOnlySpan<double> theta, double[] z)
    {
        theta[..WeightCount].CopyTo(_weights);
        Blas.Gemm(1.0, _x, Matrix.Wrap(_weights, _classes, _x.Columns), 0.0, Matrix.Wrap(z, _x.Rows, _classes),
            transposeB: true);
        if (!_intercept)
            return;
        var b = theta[WeightCount..];
        for (int i = 0; i < _x.Rows; i++)
        {
            var row = z.AsSpan(i * _classes, _classes);
            TensorPrimitives.Add(row, b, row);
        }
    }

    public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        Scores(theta, _scores);
        var p = _probabilities;
        _scores.CopyTo(p, 0);
        StableSoftmax.InPlace(p, _classes, _logSumExp);
        double loss = TensorPrimitives.Sum(_logSumExp);
        for (int i = 0; i < _classOf.Length; i++)
        {
            int k = i * _classes + _classOf[i];
            loss -= _scores[k];
            p[k] -= 1.0;
        }
        ApplyTranspose(p, theta, gradient);
        var w = theta[..WeightCount];
        return _scale * loss + 0.5 * _l2 * TensorPrimitives.Dot(w, w);
    }

    /// <summary>gradient = (s·Gᵀ X + λW, s·1ᵀG) for an n × K matrix G.</summary>
    private void ApplyTranspose(double[] g, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        int n = _x.Rows;
        Blas.Gemm(_scale, Matrix.Wrap(g, n, _classes), _x, 0.0, Matrix.Wrap(_weightGradient, _classes, _x.Columns),
            transposeA: true);
        TensorPrimitives.MultiplyAdd(theta[..WeightCount], _l2, _weightGradient, gradient[..WeightCount]);
        if (!_intercept)
            return;
        var gb = gradient[WeightCount..];
        gb.Clear();
        for (int i = 0; i < n; i++)
            TensorPrimitives.Add(gb, g.AsSpan(i * _classes, _classes), gb);
        TensorPrimitives.Multiply(gb, _scale, gb);
    }

    public IHessianOperator HessianAt(ReadOnlySpan<double> theta)
    {
        Scores(theta, _probabilities);
        StableSoftmax.InPlace(_probabilities, _classes, _logSumExp);
        return new Hessian(this);
    }

    private sealed class Hessian(MultinomialLogisticLoss loss) : IHessianOperator
    {
        public void Multiply(ReadOnlySpan<double> v, Span<double> result)
        {
            int k = loss._classes;
            var u = loss._scores;
            var p = loss._probabilities;
            loss.Scores(v, u);
            for (int i = 0; i < loss._x.Rows; i++)
            {
                var ui = u.AsSpan(i * k, k);
                var pi = p.AsSpan(i * k, k);
                double mean = TensorPrimitives.Dot(pi, ui);
                TensorPrimitives.Subtract(ui, mean, ui);
                TensorPrimitives.Multiply(ui, pi, ui);
            }
            loss.ApplyTranspose(u, v, result);
        }
    }
}
