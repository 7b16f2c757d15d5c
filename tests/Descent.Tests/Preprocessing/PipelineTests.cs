using Descent.Linear;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Preprocessing;
using Descent.Tests.Linear;

namespace Descent.Tests.Preprocessing;

public class PipelineTests
{
    [Fact]
    public void RegressionPipeline_EqualsTheStepsAppliedByHand_AndReusesTrainingStatistics()
    {
        var (x, y) = ReferenceData.Dataset("house_prices.csv");
        var train = x.RowRange(0, 35);
        var test = x.RowRange(35, 12);
        var pipeline = new Pipeline(new StandardScaler(), new PolynomialFeatures { Degree = 2 }).Then(new Ridge { Alpha = 0.5 });
        var model = pipeline.Fit(train, y.AsSpan(0, 35));

        var scaler = new StandardScaler().Fit(train);
        var poly = new PolynomialFeatures { Degree = 2 }.Fit(scaler.Transform(train));
        var ridge = new Ridge { Alpha = 0.5 }.Fit(poly.Transform(scaler.Transform(train)), y.AsSpan(0, 35));

        Assert.Equal(2, model.FeatureCount);
        Assert.Equal(6, model.Preprocessing.OutputFeatureCount);
        Assert.Equal(ridge.Coefficients, model.Model.Coefficients);
        Assert.Equal(ridge.Predict(poly.Transform(scaler.Transform(test))), model.Predict(test));
        // Standardizing the test rows with their own statistics would give different predictions.
        var refitted = new StandardScaler().Fit(test);
        Assert.NotEqual(ridge.Predict(poly.Transform(refitted.Transform(test))), model.Predict(test));
    }

    [Fact]
    public void RegressionPipeline_PassesProgressToTheFinalStep()
    {
        var (x, y) = ReferenceData.Dataset("food_truck.csv");
        var reports = new List<FitProgress>();
        var model = new Pipeline(new StandardScaler())
            .Then(new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, Epochs = 7, Tolerance = 0 })
            .Fit(x, y, new SynchronousProgress(reports.Add));
        Assert.Equal(7, reports.Count);
        Assert.Equal(8, model.Model.History.Costs.Count);
    }

    [Fact]
    public void Predict_Throws_WhenTheColumnCountDiffers()
    {
        var model = new Pipeline(new MinMaxScaler()).Then(new LinearRegression())
            .Fit(Matrix.FromArray(new double[,] { { 1, 2 }, { 2, 1 }, { 3, 5 } }), [1.0, 2.0, 3.0]);
        var error = Assert.Throws<DescentDataException>(() => model.Predict(new Matrix<double>(1, 3)));
        Assert.StartsWith("Pipeline.Transform: X has 3 columns, but the model was fitted on 2", error.Message);
    }

    [Fact]
    public void ClassificationPipeline_FitsTheClassifierOnTransformedData()
    {
        var x = Matrix.RandomNormal<double>(40, 2, new Rng(1), mean: 100, stdDev: 20);
        var labels = new string[40];
        for (int i = 0; i < 40; i++)
            labels[i] = x[i, 0] > 100 ? "high" : "low";
        var model = new Pipeline(new StandardScaler()).Then(new NearestCentroid()).Fit(x, labels);

        Assert.Equal(["high", "low"], model.Classes.Select(c => c.Text));
        var scaled = model.Preprocessing.Transform(x);
        for (int j = 0; j < 2; j++)
            Assert.True(Math.Abs(Enumerable.Range(0, 40).Average(i => scaled[i, j])) < 1e-12, "the classifier sees standardized data");
        var predicted = model.PredictClassIndices(x);
        Assert.True(predicted.Where((k, i) => model.Classes[k].Text == labels[i]).Count() >= 36);
        Assert.Equal(40, model.PredictProbabilities(x).Rows);
    }

    private sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }

    /// <summary>A tiny test classifier: each class's mean row; predicts the nearest (probabilities one-hot).</summary>
    private sealed class NearestCentroid : IClassifier<NearestCentroidModel>
    {
        public NearestCentroidModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            var centroids = new double[y.Classes.Count][];
            var counts = new int[y.Classes.Count];
            for (int k = 0; k < centroids.Length; k++)
                centroids[k] = new double[x.Columns];
            for (int i = 0; i < x.Rows; i++)
            {
                int k = y.Indices[i];
                counts[k]++;
                for (int j = 0; j < x.Columns; j++)
                    centroids[k][j] += x[i, j];
            }
            for (int k = 0; k < centroids.Length; k++)
                for (int j = 0; j < x.Columns; j++)
                    centroids[k][j] /= counts[k];
            return new NearestCentroidModel(centroids, y.Classes);
        }
    }

    private sealed class NearestCentroidModel(double[][] centroids, IReadOnlyList<Label> classes) : IClassificationModel
    {
        public int FeatureCount => centroids[0].Length;

        public IReadOnlyList<Label> Classes => classes;

        public int[] PredictClassIndices(Matrix<double> x)
        {
            var result = new int[x.Rows];
            for (int i = 0; i < x.Rows; i++)
            {
                double best = double.PositiveInfinity;
                for (int k = 0; k < centroids.Length; k++)
                {
                    double d = 0;
                    for (int j = 0; j < FeatureCount; j++)
                        d += Math.Pow(x[i, j] - centroids[k][j], 2);
                    if (d < best)
                    {
                        best = d;
                        result[i] = k;
                    }
                }
            }
            return result;
        }

        public Matrix<double> PredictProbabilities(Matrix<double> x)
        {
            var indices = PredictClassIndices(x);
            var p = new Matrix<double>(x.Rows, classes.Count);
            for (int i = 0; i < x.Rows; i++)
                p[i, indices[i]] = 1;
            return p;
        }
    }
}
