using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>A fitted <see cref="MlpRegressor"/>: one identity output (scikit-learn's <c>MLPRegressor</c>). Immutable and thread-safe.</summary>
public sealed class MlpRegressorModel : MlpModel, IRegressionModel
{
    internal MlpRegressorModel(MlpWeights weights, FitHistory history, int iterations, StopReason stopReason, double bestLoss,
        double? bestValidationScore)
        : base(weights, history, iterations, stopReason, bestLoss, bestValidationScore)
    {
    }

    /// <inheritdoc />
    /// <exception cref="DescentDataException">X's column count differs from <see cref="MlpModel.FeatureCount"/>, or X is not finite.</exception>
    public double[] Predict(Matrix<double> x) => Outputs(x, nameof(MlpRegressorModel) + ".Predict").AsSpan().ToArray();
}
