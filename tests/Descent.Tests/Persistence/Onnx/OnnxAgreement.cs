using Descent.Linear;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Persistence.Onnx;

namespace Descent.Tests.Persistence.Onnx;

/// <summary>
/// Exports a model, runs it in ONNX Runtime and checks every output against Descent's own predictions on the same
/// (float32-rounded) rows: class labels equal, numbers equal to float32 precision.
/// </summary>
internal static class OnnxAgreement
{
    /// <summary>
    /// Two float32 ulps of the expected value, plus 1e-12 for values that Descent and the graph both compute in double
    /// from a difference near zero (1 − σ(z) when σ(z) ≈ 1).
    /// </summary>
    private static double Tolerance(double expected) => Math.Abs(expected) * Math.Pow(2, -22) + 1e-12;

    /// <summary>Asserts the agreement on <paramref name="rows"/>; returns what ONNX Runtime computed.</summary>
    public static OnnxOutputs Check(SavedModel model, Matrix<double> rows)
    {
        var x = OnnxRunner.RoundToFloat(rows);
        var onnx = OnnxRunner.Run(OnnxExport.ToBytes(model), x);
        var prepared = model.Prepare(x);
        if (model.Regressor is { } regressor)
        {
            Assert.Null(onnx.Labels);
            AssertClose(regressor.Predict(prepared), onnx.Values!, "label");
            return onnx;
        }
        var classifier = model.Classifier!;
        var expected = Array.ConvertAll(classifier.PredictClassIndices(prepared), k => classifier.Classes[k].Text);
        Assert.Equal(expected, onnx.Labels);
        if (model.Model is PerceptronModel perceptron)
        {
            Assert.Null(onnx.Probabilities);
            AssertClose(perceptron.DecisionFunction(prepared), onnx.Scores!, "scores");
        }
        else
        {
            Assert.Null(onnx.Scores);
            AssertClose(classifier.PredictProbabilities(prepared), onnx.Probabilities!, "probabilities");
        }
        return onnx;
    }

    /// <summary>One ONNX output number against Descent's, to float32 precision.</summary>
    public static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance(expected), $"{what}: ONNX Runtime {actual:R}, Descent {expected:R}");

    private static void AssertClose(double[] expected, float[] actual, string output)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            AssertClose(expected[i], actual[i], $"{output}[{i}]");
    }

    private static void AssertClose(Matrix<double> expected, Matrix<double> actual, string output)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Rows; i++)
            for (int j = 0; j < expected.Columns; j++)
                AssertClose(expected[i, j], actual[i, j], $"{output}[{i}, {j}]");
    }
}
