using Descent.Numerics;
using Descent.Optimization;

namespace Descent.NeuralNetworks;

// Training the explicit network with the training engine: the network is the objective (its forward, cost and
// backward on each batch) and the engine's loop and optimizer update its parameter vector in place.
public sealed partial class ExplicitNetwork
{
    /// <summary>
    /// Trains the parameters on <paramref name="x"/> (m × n₀) and <paramref name="y"/> (m × n_L) with
    /// <paramref name="optimizer"/> in the engine's loop. Without <paramref name="training"/> it is the lecture's batch
    /// gradient descent: 1000 epochs, each one step on all rows in order, recording the full cost J before and after
    /// every step (with <c>new Sgd { LearningRate = α }</c>, W ← W − α·dW and b ← b − α·db).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes of x and y do not fit the network.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the loop or the optimizer is out of range.</exception>
    /// <exception cref="DivergenceException">The cost became NaN or infinite (the learning rate is too large).</exception>
    public MiniBatchResult Fit(Matrix<double> x, Matrix<double> y, Optimizer optimizer, MiniBatchTraining? training = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (x.Columns != Sizes[0] || y.Rows != x.Rows || y.Columns != Sizes[^1])
            throw new ArgumentException(
                $"ExplicitNetwork.Fit: x is {x.Shape} and y is {y.Shape}, but the network needs m × {Sizes[0]} and m × {Sizes[^1]}.");
        training ??= new MiniBatchTraining { Epochs = 1000, BatchSize = Math.Max(x.Rows, 1), Shuffle = false, FullPassLoss = true };
        return training.Run<double>(new Objective(this, x, y), Parameters, optimizer, "ExplicitNetwork.Fit", progress, cancellationToken);
    }

    /// <summary>The network as the engine's objective over the rows of (x, y).</summary>
    private sealed class Objective(ExplicitNetwork network, Matrix<double> x, Matrix<double> y) : IMiniBatchObjective<double>
    {
        public int Rows => x.Rows;

        public int Dimension => network.Parameters.Length;

        public IReadOnlyList<int>? ClassOfRow => null;

        public double BatchLossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            double cost = Loss(rows, parameters);
            network.Backward(Select(y, rows));
            network._gradient.CopyTo(gradient);
            return cost;
        }

        public double Loss(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters)
        {
            Use(parameters);
            network.Forward(Select(x, rows));
            return network.Cost(Select(y, rows));
        }

        /// <summary>Accuracy for a classifier (Sigmoid: a &gt; 0.5; Softmax: the largest output), R² for a regressor.</summary>
        public double Score(ReadOnlySpan<int> rows, ReadOnlySpan<double> parameters)
        {
            Use(parameters);
            var output = network.Forward(Select(x, rows)).Transpose();    // one row per example again
            var target = Select(y, rows);
            var last = network.Activations[^1];
            if (last == ExplicitActivation.Identity)
            {
                // R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (1 for a perfect fit of constant targets, as scikit-learn)
                double residual = Elementwise.Square(Elementwise.Subtract(output, target)).Sum();
                double total = Elementwise.Square(Elementwise.Subtract(target, target.Mean())).Sum();
                return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
            }
            int correct = 0;
            if (last == ExplicitActivation.Softmax)
            {
                int[] predicted = output.ArgMax(1), actual = target.ArgMax(1);
                for (int i = 0; i < predicted.Length; i++)
                    correct += predicted[i] == actual[i] ? 1 : 0;
            }
            else
            {
                for (int i = 0; i < output.Rows; i++)
                    correct += (output[i, 0] > 0.5) == (target[i, 0] > 0.5) ? 1 : 0;
            }
            return correct / (double)output.Rows;
        }

        private void Use(ReadOnlySpan<double> parameters)
        {
            if (!parameters.Overlaps(network.Parameters))
                parameters.CopyTo(network.Parameters);
        }

        /// <summary>The rows of <paramref name="m"/> in <paramref name="rows"/>: m itself when they are all rows in order.</summary>
        private static Matrix<double> Select(Matrix<double> m, ReadOnlySpan<int> rows)
        {
            bool all = rows.Length == m.Rows;
            for (int i = 0; all && i < rows.Length; i++)
                all = rows[i] == i;
            if (all)
                return m;
            var selected = new Matrix<double>(rows.Length, m.Columns);
            for (int i = 0; i < rows.Length; i++)
                m.RowRange(rows[i], 1).CopyTo(selected.RowRange(i, 1));
            return selected;
        }
    }
}
