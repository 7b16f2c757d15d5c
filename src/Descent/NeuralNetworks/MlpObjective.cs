using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Descent.Numerics;
using Descent.Numerics.Kernels;
using Descent.Optimization;

namespace Descent.NeuralNetworks;

/// <summary>
/// An MLP's training objective for the engine (<see cref="MiniBatchTraining"/>): for a batch B of rows, the rows of X
/// are gathered, the network's fast path runs forward and backward (<see cref="Module{T}.Forward(Matrix{T})"/>,
/// <see cref="Module{T}.Backward"/>) and scikit-learn's L2 term is added:
/// <code>
///   L_B = loss_B + (α / (2|B|))·Σ_l ‖W_l‖²        ∂L_B/∂W_l = ∂loss_B/∂W_l + (α/|B|)·W_l        ∂L_B/∂b_l = ∂loss_B/∂b_l
/// </code>
/// The network's layers view the θ the engine trains (the array given at construction, which must be the one passed
/// to <see cref="MiniBatchTraining.Run{T}"/>; other values are copied in first) and write each batch's gradient into
/// one flat vector, which the engine reads in place (<see cref="GradientStorage"/>).
/// </summary>
internal sealed class MlpObjective<T> : IMiniBatchObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MlpNetwork<T> _network;
    private readonly Matrix<T> _x;
    private readonly MlpTarget<T> _target;
    private readonly double _alpha;
    private readonly BatchBuffer<T> _batch = new();

    /// <summary>The objective of <paramref name="network"/> (built with gradients) on the rows of <paramref name="x"/>.</summary>
    public MlpObjective(MlpNetwork<T> network, Matrix<T> x, MlpTarget<T> target, double alpha)
    {
        _network = network;
        _x = x;
        _target = target;
        _alpha = alpha;
    }

    public int Rows => _x.Rows;

    public int Dimension => _network.Parameters.Length;

    public IReadOnlyList<int>? ClassOfRow => _target.ClassOfRow;

    public T[]? GradientStorage => _network.Gradients;

    public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters, Span<T> gradient)
    {
        var scores = Forward(rows, parameters);
        var gradients = _network.Gradients!;
        var (loss, scoreGradient) = _target.LossAndGradient(scores, rows);
        _network.Module.Backward(scoreGradient, inputGradient: false);
        loss += Penalize(rows.Length, gradients);
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(gradient), ref MemoryMarshal.GetArrayDataReference(gradients)))
            gradients.CopyTo(gradient);
        return loss;
    }

    public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters)
    {
        const int block = 1024;
        double sum = 0;
        for (int start = 0; start < rows.Length; start += block)
        {
            var part = rows.Slice(start, Math.Min(block, rows.Length - start));
            sum += _target.LossAndGradient(Forward(part, parameters), part).Loss * part.Length;
        }
        return sum / rows.Length + Penalize(rows.Length, null);
    }

    public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters) => _target.Score(Forward(rows, parameters), rows);

    /// <summary>The last layer's scores for <paramref name="rows"/> at <paramref name="parameters"/>.</summary>
    private Matrix<T> Forward(ReadOnlySpan<int> rows, ReadOnlySpan<T> parameters)
    {
        var theta = _network.Parameters;
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(parameters), ref MemoryMarshal.GetArrayDataReference(theta)))
            parameters.CopyTo(theta);
        var batch = _batch.Get(rows.Length, _x.Columns);
        GatheredRowsKernel.Gather(_x, rows, batch);
        return _network.Module.Forward(batch);
    }

    /// <summary>(α / (2m))·Σ‖W‖², and with <paramref name="gradients"/> adds (α/m)·W to each weight's gradient.</summary>
    private double Penalize(int m, T[]? gradients)
    {
        if (_alpha == 0)
            return 0;
        var architecture = _network.Architecture;
        var theta = _network.Parameters;
        T scale = T.CreateTruncating(_alpha / m);
        double squares = 0;
        for (int l = 0; l < architecture.LayerCount; l++)
        {
            int offset = architecture.WeightOffset(l), length = architecture.Units[l] * architecture.Units[l + 1];
            ReadOnlySpan<T> w = theta.AsSpan(offset, length);
            squares += double.CreateTruncating(TensorPrimitives.Dot(w, w));
            if (gradients is not null)
            {
                var g = gradients.AsSpan(offset, length);
                TensorPrimitives.MultiplyAdd(w, scale, g, g);
            }
        }
        return 0.5 * _alpha * squares / m;
    }
}
