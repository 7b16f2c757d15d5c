using Descent.Numerics;

namespace Descent.Linear;

/// <summary>
/// A fitted linear regression function h(x) = w·x + b: the model every linear regressor (least squares, Ridge,
/// Lasso, ElasticNet, gradient descent) returns. Immutable and thread-safe.
/// </summary>
public class LinearModel : IRegressionModel
{
    private readonly double[] _coefficients;

    /// <summary>A model with weights <paramref name="coefficients"/> (one per feature) and bias <paramref name="intercept"/>.</summary>
    public LinearModel(IReadOnlyList<double> coefficients, double intercept, FitHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        _coefficients = coefficients.ToArray();
        Intercept = intercept;
        History = history ?? FitHistory.Empty;
    }

    /// <summary>The weights w, one per feature (scikit-learn's <c>coef_</c>).</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>The bias b (scikit-learn's <c>intercept_</c>); 0 when fitted without an intercept.</summary>
    public double Intercept { get; }

    /// <summary>The cost per iteration for iterative solvers; empty for closed-form fits.</summary>
    public FitHistory History { get; }

    /// <inheritdoc />
    public int FeatureCount => _coefficients.Length;

    /// <summary>ŷ = X·w + b for every row of <paramref name="x"/>.</summary>
    /// <exception cref="DescentDataException"><paramref name="x"/> does not have <see cref="FeatureCount"/> columns, or is not finite, or the predictions are not finite.</exception>
    public double[] Predict(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, FeatureCount, GetType().Name + ".Predict");
        var predictions = new double[x.Rows];
        Array.Fill(predictions, Intercept);
        Blas.Gemv(1.0, x, Vec<double>.Wrap(_coefficients), 1.0, Vec<double>.Wrap(predictions));
        DataCheck.FiniteOutputs(predictions, 1, "predictions", GetType().Name + ".Predict");
        return predictions;
    }
}
