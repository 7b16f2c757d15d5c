namespace Descent.Metrics;

/// <summary>
/// Regression metrics with scikit-learn 1.2's definitions and defaults (single output). Every function takes the
/// true targets, the predictions and optional sample weights (an empty span means "every weight 1"); weighted means
/// are numpy.average's: sum(w·v) / sum(w).
/// </summary>
public static class RegressionMetrics
{
    /// <summary>Mean squared error: mean((y - ŷ)²). Same as scikit-learn's <c>mean_squared_error</c>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, an input is empty, or a value is NaN or infinite.</exception>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(nameof(MeanSquaredError), yTrue, yPred, sampleWeight);
        double sum = 0, weightSum = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double d = yTrue[i] - yPred[i], w = Weight(sampleWeight, i);
            sum += d * d * w;
            weightSum += w;
        }
        return sum / weightSum;
    }

    /// <summary>Root mean squared error: sqrt(MSE), scikit-learn's <c>mean_squared_error(squared=False)</c>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, an input is empty, or a value is NaN or infinite.</exception>
    public static double RootMeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred, sampleWeight));

    /// <summary>Mean absolute error: mean(|y - ŷ|). Same as scikit-learn's <c>mean_absolute_error</c>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, an input is empty, or a value is NaN or infinite.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(nameof(MeanAbsoluteError), yTrue, yPred, sampleWeight);
        double sum = 0, weightSum = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double w = Weight(sampleWeight, i);
            sum += Math.Abs(yPred[i] - yTrue[i]) * w;
            weightSum += w;
        }
        return sum / weightSum;
    }

    /// <summary>
    /// Coefficient of determination R² = 1 - Σw(y - ŷ)² / Σw(y - ȳ)², scikit-learn's <c>r2_score</c> with
    /// <c>force_finite=True</c>: a constant y gives 1 when predicted perfectly and 0 otherwise. NaN for one sample
    /// (scikit-learn warns that R² is not well-defined with less than two samples).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an input is empty, or a value is NaN or infinite.</exception>
    public static double R2Score(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(nameof(R2Score), yTrue, yPred, sampleWeight);
        if (yTrue.Length < 2)
            return double.NaN;
        double mean = WeightedMean(yTrue, sampleWeight);
        double numerator = 0, denominator = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double w = Weight(sampleWeight, i), r = yTrue[i] - yPred[i], c = yTrue[i] - mean;
            numerator += w * r * r;
            denominator += w * c * c;
        }
        return FiniteRatioScore(numerator, denominator);
    }

    /// <summary>
    /// Explained variance 1 - Var(y - ŷ) / Var(y) (weighted population variances), scikit-learn's
    /// <c>explained_variance_score</c> with <c>force_finite=True</c>: a constant y gives 1 or 0 as for R².
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an input is empty, or a value is NaN or infinite.</exception>
    public static double ExplainedVariance(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(nameof(ExplainedVariance), yTrue, yPred, sampleWeight);
        double weightSum = 0, diffSum = 0, trueSum = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double w = Weight(sampleWeight, i);
            weightSum += w;
            diffSum += (yTrue[i] - yPred[i]) * w;
            trueSum += yTrue[i] * w;
        }
        double diffMean = diffSum / weightSum, trueMean = trueSum / weightSum;
        double numerator = 0, denominator = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double w = Weight(sampleWeight, i), r = yTrue[i] - yPred[i] - diffMean, c = yTrue[i] - trueMean;
            numerator += r * r * w;
            denominator += c * c * w;
        }
        return FiniteRatioScore(numerator / weightSum, denominator / weightSum);
    }

    /// <summary>1 - numerator/denominator, with scikit-learn's force_finite rules for a zero denominator.</summary>
    private static double FiniteRatioScore(double numerator, double denominator)
    {
        if (denominator != 0)
            return numerator != 0 ? 1 - numerator / denominator : 1.0;
        return numerator != 0 ? 0.0 : 1.0;
    }

    private static double WeightedMean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double sum = 0, weightSum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double w = Weight(weights, i);
            sum += values[i] * w;
            weightSum += w;
        }
        return sum / weightSum;
    }

    private static double Weight(ReadOnlySpan<double> weights, int i) => weights.IsEmpty ? 1.0 : weights[i];

    private static void Validate(string function, ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred, ReadOnlySpan<double> sampleWeight)
    {
        string name = "RegressionMetrics." + function;
        InputCheck.SameLength(name, ("yTrue", yTrue.Length, true), ("yPred", yPred.Length, true),
            ("sampleWeight", sampleWeight.Length, !sampleWeight.IsEmpty));
        InputCheck.NotEmpty(name, "yTrue", yTrue.Length);
        InputCheck.Finite(name, "yTrue", yTrue);
        InputCheck.Finite(name, "yPred", yPred);
        InputCheck.Weights(name, sampleWeight);
    }
}
