using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// What a fitted <see cref="MlpClassifierModel"/> or <see cref="MlpRegressorModel"/> holds: its layers' weights and
/// biases (scikit-learn's <c>coefs_</c> and <c>intercepts_</c>, each weight in PyTorch's outputs × inputs layout, the
/// transpose of <c>coefs_[l]</c>), the activation, and how training went (the loss curve <c>loss_curve_</c>,
/// <c>validation_scores_</c>, <c>best_loss_</c>, <c>n_iter_</c>). Immutable and thread-safe.
/// </summary>
public abstract class MlpModel : IIterativeModel
{
    private protected MlpModel(MlpWeights weights, FitHistory history, int iterations, StopReason stopReason, double bestLoss,
        double? bestValidationScore)
    {
        Parameters = weights;
        History = history;
        Iterations = iterations;
        StopReason = stopReason;
        BestLoss = bestLoss;
        BestValidationScore = bestValidationScore;
    }

    internal MlpWeights Parameters { get; }

    /// <summary>Number of features the network takes.</summary>
    public int FeatureCount => Parameters.Architecture.Inputs;

    /// <summary>The units of every layer: inputs, each hidden width, outputs (1 for regression and for two classes).</summary>
    public IReadOnlyList<int> LayerSizes => Parameters.Architecture.Units;

    /// <summary>The hidden layers' activation.</summary>
    public MlpActivation Activation => Parameters.Architecture.Activation;

    /// <summary>True when the network was trained, and predicts, in float32 (it was fitted on float32 data).</summary>
    public bool IsSinglePrecision => Parameters.IsSinglePrecision;

    /// <summary>The number of layers with weights (hidden layers + 1).</summary>
    public int LayerCount => Parameters.Architecture.LayerCount;

    /// <summary>W_l, outputs × inputs (a copy, in double).</summary>
    public Matrix<double> Weight(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, LayerCount);
        return Parameters.Weight(layer);
    }

    /// <summary>b_l (a copy, in double).</summary>
    public double[] Bias(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, LayerCount);
        return Parameters.Bias(layer);
    }

    /// <summary>The mean training loss of each epoch (penalty included; scikit-learn's <c>loss_curve_</c>) and, with early
    /// stopping, the validation score of each epoch (<c>validation_scores_</c>).</summary>
    public FitHistory History { get; }

    /// <summary>Epochs run (<c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>NoImprovement when the loss or validation score stopped improving; MaxIterations when the epochs ran out.</summary>
    public StopReason StopReason { get; }

    /// <summary>The lowest epoch loss (<c>best_loss_</c>).</summary>
    public double BestLoss { get; }

    /// <summary>The best validation score, with early stopping (<c>best_validation_score_</c>); the weights are that epoch's.</summary>
    public double? BestValidationScore { get; }

    /// <summary>The network's outputs for each row, after checking X.</summary>
    private protected Matrix<double> Outputs(Matrix<double> x, string operation)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, operation);
        return Parameters.Predict(x);
    }
}
