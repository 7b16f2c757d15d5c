using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.ModelSelection;

/// <summary>
/// A regression problem whose truth is known, to decompose a model's error: inputs x drawn by
/// <see cref="DrawInputs"/> (rows, from a seeded generator), targets y = <see cref="Truth"/>(x) + ε with
/// ε ~ N(0, <see cref="NoiseStd"/>²) independent per row.
/// </summary>
/// <param name="DrawInputs">Draws n input rows from the generator: (rng, n) → n × p.</param>
/// <param name="Truth">f(x) for every row of a matrix.</param>
/// <param name="NoiseStd">σ ≥ 0, the standard deviation of the noise.</param>
public sealed record KnownRegression(Func<Rng, int, Matrix<double>> DrawInputs, Func<Matrix<double>, double[]> Truth, double NoiseStd);

/// <summary>
/// The bias–variance decomposition of the expected squared error of a model trained on a random training set, at
/// the test points x₁…x_T, estimated by refitting on R resampled training sets (f̂ᵣ the model of set r,
/// f̄ = (1/R)·Σᵣ f̂ᵣ):
/// <code>
///   bias²    = (1/T)·Σᵢ (f̄(xᵢ) − f(xᵢ))²
///   variance = (1/T)·Σᵢ (1/R)·Σᵣ (f̂ᵣ(xᵢ) − f̄(xᵢ))²
///   noise    = σ²
///   E_test   = (1/T)·Σᵢ (1/R)·Σᵣ (yᵣᵢ − f̂ᵣ(xᵢ))²,   yᵣᵢ = f(xᵢ) + εᵣᵢ, a fresh noisy target for every fit and point
/// </code>
/// so that E_test ≈ bias² + variance + noise up to the sampling error of the εᵣᵢ. With the truth unknown
/// (<see cref="BiasVariance.Bootstrap{TModel}"/>), f is replaced by the observed test targets: the "bias²" then holds
/// the noise too, <see cref="Noise"/> is NaN, and E_test = bias² + variance exactly.
/// </summary>
public sealed class BiasVarianceResult
{
    internal BiasVarianceResult(double biasSquared, double variance, double noise, double testError, double[] meanPrediction, int resamples)
    {
        BiasSquared = biasSquared;
        Variance = variance;
        Noise = noise;
        TestError = testError;
        MeanPrediction = meanPrediction;
        Resamples = resamples;
    }

    /// <summary>Mean squared distance of the average model f̄ from the truth (from the observed targets, noise included, when the truth is unknown).</summary>
    public double BiasSquared { get; }

    /// <summary>Mean spread of the models f̂ᵣ around their average f̄.</summary>
    public double Variance { get; }

    /// <summary>σ², the error no model can avoid; NaN when the truth is unknown.</summary>
    public double Noise { get; }

    /// <summary>The measured mean squared error of the models on noisy targets at the test points.</summary>
    public double TestError { get; }

    /// <summary>f̄(xᵢ) at each test point.</summary>
    public IReadOnlyList<double> MeanPrediction { get; }

    /// <summary>R, the number of training sets.</summary>
    public int Resamples { get; }

    /// <summary>bias² + variance + noise (bias² + variance when the noise is unknown).</summary>
    public double Sum => BiasSquared + Variance + (double.IsNaN(Noise) ? 0 : Noise);
}

/// <summary>Estimates <see cref="BiasVarianceResult"/> by refitting a regressor on many resampled training sets.</summary>
public static class BiasVariance
{
    /// <summary>
    /// Draws <paramref name="resamples"/> training sets of <paramref name="trainSize"/> rows from
    /// <paramref name="problem"/> (set r from the stream Rng.Derive(seed, r)), fits <paramref name="estimator"/> to
    /// each, and decomposes the error at <paramref name="testX"/> against the known truth, with fresh noisy test
    /// targets per fit (stream Rng.Derive(seed, R + r)). The same seed gives the same result for any thread count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 resamples or 1 training row, or a negative or non-finite noise.</exception>
    /// <exception cref="DescentDataException">The test points are empty, or the truth or a model returns the wrong number of values.</exception>
    public static BiasVarianceResult Decompose<TModel>(IRegressor<TModel> estimator, KnownRegression problem, int trainSize, Matrix<double> testX,
        int resamples = 100, long seed = 0) where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(testX);
        Check.Parameter(resamples >= 2, nameof(BiasVariance), "resamples", ">= 2", resamples);
        Check.Parameter(trainSize >= 1, nameof(BiasVariance), "trainSize", ">= 1", trainSize);
        Check.Parameter(problem.NoiseStd >= 0 && double.IsFinite(problem.NoiseStd), nameof(BiasVariance), "NoiseStd", ">= 0 and finite", problem.NoiseStd);
        double[] truth = Values(problem.Truth(testX), testX.Rows, "the truth at the test points");
        ulong root = unchecked((ulong)seed);
        double sigma = problem.NoiseStd;
        var predictions = FoldRunner.Run(resamples, r =>
        {
            var rng = new Rng(Rng.Derive(root, (ulong)r));
            var x = problem.DrawInputs(rng, trainSize);
            double[] y = Values(problem.Truth(x), x.Rows, "the truth at the training points");
            for (int i = 0; i < y.Length; i++)
                y[i] += sigma * rng.NextNormal();
            return Values(estimator.Fit(x, y).Predict(testX), testX.Rows, "a model's predictions");
        });
        var targets = new double[resamples][];
        for (int r = 0; r < resamples; r++)
        {
            var rng = new Rng(Rng.Derive(root, (ulong)(resamples + r)));
            targets[r] = truth.Select(f => f + sigma * rng.NextNormal()).ToArray();
        }
        return Summarize(predictions, truth, targets, sigma * sigma);
    }

    /// <summary>
    /// The decomposition on data whose truth is unknown: <paramref name="resamples"/> bootstrap samples of the training
    /// rows (drawn with replacement from the stream Rng.Derive(seed, r)), each fitted and scored on the test rows
    /// (mlxtend's bias_variance_decomp): bias² is measured against the observed test targets and so includes the noise,
    /// which cannot be told apart from it without the truth (<see cref="BiasVarianceResult.Noise"/> is NaN).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 resamples.</exception>
    /// <exception cref="DescentDataException">Mismatched rows and targets, or no rows.</exception>
    public static BiasVarianceResult Bootstrap<TModel>(IRegressor<TModel> estimator, Matrix<double> trainX, IReadOnlyList<double> trainY,
        Matrix<double> testX, IReadOnlyList<double> testY, int resamples = 100, long seed = 0) where TModel : IRegressionModel
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Check.Parameter(resamples >= 2, nameof(BiasVariance), "resamples", ">= 2", resamples);
        DataCheck.RegressionData(trainX, trainY.ToArray(), "BiasVariance.Bootstrap (training rows)");
        DataCheck.RegressionData(testX, testY.ToArray(), "BiasVariance.Bootstrap (test rows)");
        ulong root = unchecked((ulong)seed);
        var predictions = FoldRunner.Run(resamples, r =>
        {
            var rng = new Rng(Rng.Derive(root, (ulong)r));
            int[] rows = Enumerable.Range(0, trainX.Rows).Select(_ => rng.NextInt(trainX.Rows)).ToArray();
            return Values(estimator.Fit(Rows.Take(trainX, rows), Rows.Take(trainY, rows)).Predict(testX), testX.Rows, "a model's predictions");
        });
        double[] observed = testY.ToArray();
        return Summarize(predictions, observed, Enumerable.Repeat(observed, resamples).ToArray(), double.NaN);
    }

    private static BiasVarianceResult Summarize(double[][] predictions, double[] truth, double[][] targets, double noise)
    {
        int resamples = predictions.Length, points = truth.Length;
        var mean = new double[points];
        double bias = 0, variance = 0, error = 0;
        for (int i = 0; i < points; i++)
        {
            for (int r = 0; r < resamples; r++)
                mean[i] += predictions[r][i];
            mean[i] /= resamples;
            bias += (mean[i] - truth[i]) * (mean[i] - truth[i]);
            for (int r = 0; r < resamples; r++)
            {
                variance += (predictions[r][i] - mean[i]) * (predictions[r][i] - mean[i]);
                error += (targets[r][i] - predictions[r][i]) * (targets[r][i] - predictions[r][i]);
            }
        }
        return new BiasVarianceResult(bias / points, variance / (points * resamples), noise, error / (points * resamples), mean, resamples);
    }

    private static double[] Values(double[] values, int expected, string what)
    {
        if (values is null || values.Length != expected)
            throw new DescentDataException($"BiasVariance: {what} gave {values?.Length ?? 0} values for {expected} rows.");
        return values;
    }
}
