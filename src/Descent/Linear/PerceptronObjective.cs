using System.Numerics.Tensors;
using Descent.Numerics;
using Descent.Optimization;

namespace Descent.Linear;

/// <summary>
/// The perceptron criterion of one ±1 problem over a batch B, with θ = (w, b) and zᵢ = w·xᵢ + b:
///   L_B(θ) = 1/|B|·Σ_{i∈B} max(0, −tᵢzᵢ),   ∇_w L_B = −1/|B|·Σ_{tᵢzᵢ≤0} tᵢxᵢ,   ∂L_B/∂b = −1/|B|·Σ_{tᵢzᵢ≤0} tᵢ.
/// A gradient step of size η on one example is Rosenblatt's rule: when tz ≤ 0, w ← w + η·t·x and b ← b + η·t
/// (z = 0 counts as a mistake, as scikit-learn's Perceptron has it).
/// </summary>
internal sealed class PerceptronObjective(Matrix<double> x, double[] targets, bool fitIntercept) : IMiniBatchObjective<double>
{
    public int Rows => x.Rows;

    public int Dimension { get; } = x.Columns + (fitIntercept ? 1 : 0);

    public IReadOnlyList<int>? ClassOfRow { get; } = Array.ConvertAll(targets, t => t > 0 ? 1 : 0);

    public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var w = theta[..x.Columns];
        var gw = gradient[..x.Columns];
        gradient.Clear();
        double loss = 0;
        foreach (int i in rows)
        {
            var row = x.RowSpan(i);
            double t = targets[i], z = TensorPrimitives.Dot(row, w) + Bias(theta);
            if (t * z > 0)
                continue;
            loss -= t * z;
            TensorPrimitives.MultiplyAdd(row, -t, gw, gw);
            if (fitIntercept)
                gradient[x.Columns] -= t;
        }
        if (rows.Length > 1)
            TensorPrimitives.Multiply(gradient, 1.0 / rows.Length, gradient);
        return loss / rows.Length;
    }

    public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta)
    {
        double loss = 0;
        foreach (int i in rows)
            loss += Math.Max(0, -targets[i] * Score(i, theta));
        return loss / rows.Length;
    }

    public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> theta)
    {
        int correct = 0;
        foreach (int i in rows)
            correct += targets[i] * Score(i, theta) > 0 ? 1 : 0;
        return (double)correct / rows.Length;
    }

    private double Score(int row, ReadOnlySpan<double> theta) => TensorPrimitives.Dot(x.RowSpan(row), theta[..x.Columns]) + Bias(theta);

    private double Bias(ReadOnlySpan<double> theta) => fitIntercept ? theta[x.Columns] : 0.0;
}
