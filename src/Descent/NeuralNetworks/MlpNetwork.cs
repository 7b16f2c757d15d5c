using System.Numerics;
using Descent.Autograd;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// An MLP as layers over one flat parameter vector θ: each <see cref="Linear{T}"/> layer's weight and bias are views
/// of θ (no copies), and, for training, their gradients are views of one flat gradient vector, so that the engine's
/// optimizer reads and updates every parameter at once. <see cref="Module"/> is the <see cref="Sequential{T}"/> of
/// Linear layers with the hidden activation between them; the output function (σ, softmax) is not part of it: the
/// losses take the last layer's scores.
/// </summary>
internal sealed class MlpNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The network over <paramref name="parameters"/> (θ, length <see cref="MlpArchitecture.ParameterCount"/>);
    /// with <paramref name="gradients"/> each backward pass writes the batch's gradient into it (no accumulation: every
    /// parameter belongs to a layer, so every value is written).</summary>
    public MlpNetwork(MlpArchitecture architecture, T[] parameters, T[]? gradients = null)
    {
        Architecture = architecture;
        Parameters = parameters;
        Gradients = gradients;
        Layers = new Linear<T>[architecture.LayerCount];
        var modules = new List<Module<T>>();
        for (int l = 0; l < Layers.Length; l++)
        {
            int inputs = architecture.Units[l], outputs = architecture.Units[l + 1], offset = architecture.WeightOffset(l);
            var weight = View(parameters, offset, outputs, inputs, rank: 2);
            var bias = View(parameters, offset + inputs * outputs, 1, outputs, rank: 1);
            if (gradients is not null)
            {
                weight.Grad = View(gradients, offset, outputs, inputs, rank: 2);
                bias.Grad = View(gradients, offset + inputs * outputs, 1, outputs, rank: 1);
            }
            Layers[l] = new Linear<T>(weight, bias) { OverwritesGradients = gradients is not null };
            modules.Add(Layers[l]);
            if (l < Layers.Length - 1 && architecture.HiddenActivation<T>() is { } activation)
                modules.Add(activation);
        }
        Module = new Sequential<T>([.. modules]);
    }

    public MlpArchitecture Architecture { get; }

    /// <summary>θ, which the layers' weights and biases view.</summary>
    public T[] Parameters { get; }

    /// <summary>∂L/∂θ, which the layers' gradients view; null for a network that only predicts.</summary>
    public T[]? Gradients { get; }

    /// <summary>The Linear layers, in order.</summary>
    public Linear<T>[] Layers { get; }

    /// <summary>Linear layers and activations in order, ending with the last layer's scores.</summary>
    public Sequential<T> Module { get; }

    /// <summary>Applies the output function in place to the last layer's scores: σ, softmax or nothing.</summary>
    public void ApplyOutput(Matrix<T> scores)
    {
        if (Architecture.Output == MlpOutput.Logistic)
            Elementwise.Sigmoid(scores, scores);
        else if (Architecture.Output == MlpOutput.Softmax)
            scores.Softmax(scores);
    }

    /// <summary>
    /// The network's outputs (after the output function) for every row of <paramref name="x"/>, in blocks of rows so
    /// that the layers' buffers stay small. The network's buffers make this single-threaded: build one per call.
    /// </summary>
    public Matrix<double> Predict(Matrix<double> x)
    {
        const int block = 1024;
        var result = new Matrix<double>(x.Rows, Architecture.Outputs);
        var input = new Matrix<T>(Math.Min(block, x.Rows), x.Columns);
        for (int start = 0; start < x.Rows; start += block)
        {
            int rows = Math.Min(block, x.Rows - start);
            var batch = input.RowRange(0, rows);
            for (int i = 0; i < rows; i++)
            {
                var source = x.Row(start + i);
                var target = batch.RowSpan(i);
                for (int j = 0; j < target.Length; j++)
                    target[j] = T.CreateTruncating(source[j]);
            }
            var scores = Module.Forward(batch);
            ApplyOutput(scores);
            for (int i = 0; i < rows; i++)
            {
                var row = scores.RowSpan(i);
                var destination = result.RowSpan(start + i);
                for (int j = 0; j < row.Length; j++)
                    destination[j] = double.CreateTruncating(row[j]);
            }
        }
        return result;
    }

    private static Tensor<T> View(T[] storage, int offset, int rows, int columns, int rank) =>
        new(new Matrix<T>(storage, offset, rows, columns, columns, 1), rank);
}
