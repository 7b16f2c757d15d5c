using Descent.Data;
using Descent.Linear;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Persistence.Onnx;
using Descent.Preprocessing;
using Descent.Trees;

namespace Descent.Tests.Persistence.Onnx;

/// <summary>
/// The cases the sample models do not reach: full-depth forests (many ties between classes), the label tensor's type,
/// binary decisions at another threshold, polynomial terms in any order with a bias column, clipping, and the refusal
/// of what has no ONNX form.
/// </summary>
public sealed class OnnxExportCasesTests
{
    private static Dataset Blobs(int classes, int seed) =>
        Generators.MakeClassification(600, 6, informative: 4, redundant: 1, classes: classes, flipY: 0.1, seed: seed);

    private static SavedModel Saved(object model, int features, params IFittedTransformer[] steps) =>
        new(model, Enumerable.Range(0, features).Select(j => $"x{j}").ToArray(), "y", steps);

    /// <summary>Rows around the training data: the data itself, then the same rows jittered.</summary>
    private static Matrix<double> Around(Matrix<double> x, int seed)
    {
        var noise = Matrix.RandomNormal<double>(x.Rows, x.Columns, new Descent.Numerics.Random.Rng(seed));
        var rows = new Matrix<double>(2 * x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
            {
                rows[i, j] = x[i, j];
                rows[x.Rows + i, j] = x[i, j] + 0.5 * noise[i, j];
            }
        return rows;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void FullDepthForestClassifier_WithAnEvenTreeCount_AgreesOnEveryRow_TiesIncluded(int classes)
    {
        var data = Blobs(classes, 21);
        var forest = new RandomForestClassifier { TreeCount = 20, Seed = 4 }.Fit(data.Features, data.RequireClassLabels());
        var saved = Saved(forest, data.FeatureCount);
        var rows = Around(data.Features, 3);
        OnnxAgreement.Check(saved, rows);
        // The check reached tied votes (first class wins), not only clear majorities.
        var p = forest.PredictProbabilities(rows);
        Assert.Contains(Enumerable.Range(0, rows.Rows), i => p.Row(i).ToArray().Count(v => v == p.Row(i).Max()) > 1);
    }

    [Fact]
    public void FullDepthForestRegressor_Agrees()
    {
        var data = Generators.MakeRegression(500, 5, informative: 3, noise: 5.0, seed: 8);
        var forest = new RandomForestRegressor { TreeCount = 15, Seed = 2 }.Fit(data.Features, data.RequireNumericTarget());
        OnnxAgreement.Check(Saved(forest, data.FeatureCount), Around(data.Features, 4));
    }

    [Theory]
    [InlineData(new[] { "0", "1", "2" }, true)]
    [InlineData(new[] { "-1", "7" }, true)]
    [InlineData(new[] { "setosa", "versicolor", "virginica" }, false)]
    [InlineData(new[] { "0.5", "2.5" }, false)]
    [InlineData(new[] { "1.0", "2.0", "3.0" }, false)]
    public void Labels_AreInt64WhenWrittenAsIntegers_ElseStringsAsWritten(string[] names, bool int64)
    {
        var data = Blobs(names.Length, 5);
        var labels = Array.ConvertAll(data.Target!, v => names[(int)v]);
        var models = new object[]
        {
            new LogisticRegression().Fit(data.Features, labels),
            new DecisionTreeClassifier { MaxDepth = 4 }.Fit(data.Features, labels),
            new Perceptron { Seed = 1 }.Fit(data.Features, labels),
        };
        foreach (var model in models)
        {
            var onnx = OnnxAgreement.Check(Saved(model, data.FeatureCount), data.Features);
            Assert.Equal(int64, onnx.LabelIsInt64);
            Assert.Subset(names.ToHashSet(), onnx.Labels!.ToHashSet());
        }
    }

    [Fact]
    public void BinaryLogistic_AtAnotherDecisionThreshold_Agrees()
    {
        var data = Blobs(2, 9);
        var model = new LogisticRegression().Fit(data.Features, data.RequireClassLabels()).WithDecisionThreshold(0.8);
        var onnx = OnnxAgreement.Check(Saved(model, data.FeatureCount), data.Features);
        // At 0.8, rows with probability in (0.5, 0.8] are class 0: the threshold is in the graph, not only 0.5.
        Assert.Contains(Enumerable.Range(0, data.Rows), i => onnx.Probabilities![i, 1] is > 0.5 and < 0.8);
    }

    [Fact]
    public void MultinomialLogisticAndPerceptron_OnThreeClasses_Agree()
    {
        var data = Blobs(3, 12);
        var y = data.RequireClassLabels();
        OnnxAgreement.Check(Saved(new LogisticRegression().Fit(data.Features, y), data.FeatureCount), Around(data.Features, 1));
        OnnxAgreement.Check(Saved(new Perceptron { Seed = 2 }.Fit(data.Features, y), data.FeatureCount), Around(data.Features, 2));
    }

    [Fact]
    public void PolynomialTermsInAnyOrderWithBias_ThenClippedMinMax_ThenStandardized_Agree()
    {
        var data = Generators.MakeRegression(200, 3, informative: 3, noise: 1.0, seed: 3);
        // Terms out of degree order, a repeated factor, and the bias column in the middle.
        var polynomial = new PolynomialFeaturesModel(3, [[0, 1], [2], [], [1, 1, 2], [0], [0, 0, 0]]);
        var minMax = new MinMaxScaler { FeatureRange = (-1, 1), Clip = true }.Fit(polynomial.Transform(data.Features));
        var standard = new StandardScaler().Fit(minMax.Transform(polynomial.Transform(data.Features)));
        var x = standard.Transform(minMax.Transform(polynomial.Transform(data.Features)));
        var ridge = new Ridge { Alpha = 0.1 }.Fit(x, data.RequireNumericTarget());
        // Rows twice as spread as the training data, so that clipping is exercised.
        var rows = data.Features * 2.0;
        OnnxAgreement.Check(Saved(ridge, 3, polynomial, minMax, standard), rows);
    }

    [Fact]
    public void PolynomialFeatures_AreComputedExactlyAsDescentDoes()
    {
        // A polynomial step alone before a linear model with one weight per term: each ONNX output is w·z in double, so
        // products that differed in the last bit would show. A one-hot weight picks each term out in turn.
        var data = Generators.MakeRegression(100, 3, informative: 3, seed: 6);
        var polynomial = new PolynomialFeatures { Degree = 3 }.Fit(data.Features);
        for (int term = 0; term < polynomial.OutputFeatureCount; term++)
        {
            var weights = new double[polynomial.OutputFeatureCount];
            weights[term] = 1.0;
            OnnxAgreement.Check(Saved(new LinearModel(weights, 0.0), 3, polynomial), data.Features);
        }
    }

    private sealed class Squarer : IFittedTransformer
    {
        public int InputFeatureCount => 2;
        public int OutputFeatureCount => 2;
        public Matrix<double> Transform(Matrix<double> x) => x * x;
    }

    [Fact]
    public void AStepWithoutAnOnnxForm_IsRefused_NamingIt()
    {
        var model = new SavedModel(new LinearModel([1.0, 2.0], 0.5), ["a", "b"], "y", [new Squarer()]);
        var error = Assert.Throws<NotSupportedException>(() => OnnxExport.ToBytes(model));
        Assert.Contains("the preprocessing step Squarer has no ONNX form", error.Message);
        Assert.Contains("StandardScalerModel", error.Message);
    }

    [Fact]
    public void Save_WritesTheSameBytes_AndReplacesAnExistingFile()
    {
        var data = Blobs(2, 1);
        var saved = Saved(new LogisticRegression().Fit(data.Features, data.RequireClassLabels()), data.FeatureCount);
        string folder = Directory.CreateTempSubdirectory("descent-onnx-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.onnx");
            File.WriteAllText(path, "old");
            OnnxExport.Save(path, saved);
            Assert.Equal(OnnxExport.ToBytes(saved), File.ReadAllBytes(path));
            Assert.Equal(["model.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
