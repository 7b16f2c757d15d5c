using System.Globalization;
using Descent.Numerics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Descent.Tests.Persistence.Onnx;

/// <summary>What ONNX Runtime computed for a batch: each output by name, as floats or label texts.</summary>
/// <param name="Labels">The <c>label</c> output of a classifier, as text (int64 labels in invariant form).</param>
/// <param name="LabelIsInt64">True when <c>label</c> is an int64 tensor, false for strings.</param>
/// <param name="Values">The <c>label</c> output of a regressor.</param>
/// <param name="Probabilities">The <c>probabilities</c> output, when there is one.</param>
/// <param name="Scores">The <c>scores</c> output, when there is one.</param>
internal sealed record OnnxOutputs(string[]? Labels, bool LabelIsInt64, float[]? Values, Matrix<double>? Probabilities, Matrix<double>? Scores);

/// <summary>Runs an exported model in ONNX Runtime (CPU) — the oracle the export tests compare Descent with.</summary>
internal static class OnnxRunner
{
    /// <summary><paramref name="x"/> rounded to float32, as doubles: the values an ONNX input X of type float holds.</summary>
    public static Matrix<double> RoundToFloat(Matrix<double> x)
    {
        var result = new Matrix<double>(x.Rows, x.Columns);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                result[i, j] = (float)x[i, j];
        return result;
    }

    /// <summary>Runs <paramref name="model"/> on <paramref name="x"/> (given to the model as float32) and reads every output.</summary>
    public static OnnxOutputs Run(byte[] model, Matrix<double> x)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var input = new DenseTensor<float>([x.Rows, x.Columns]);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < x.Columns; j++)
                input[i, j] = (float)x[i, j];
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("X", input)]);
        string[]? labels = null;
        float[]? values = null;
        bool isInt64 = false;
        Matrix<double>? probabilities = null, scores = null;
        foreach (var result in results)
        {
            switch (result.Name)
            {
                case "label" when result.Value is Tensor<long> integers:
                    labels = integers.ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
                    isInt64 = true;
                    break;
                case "label" when result.Value is Tensor<string> texts:
                    labels = texts.ToArray();
                    break;
                case "label":
                    values = result.AsTensor<float>().ToArray();
                    break;
                case "probabilities":
                    probabilities = ToMatrix(result.AsTensor<float>());
                    break;
                case "scores":
                    scores = ToMatrix(result.AsTensor<float>());
                    break;
                default:
                    throw new InvalidOperationException($"unexpected output '{result.Name}'");
            }
        }
        return new OnnxOutputs(labels, isInt64, values, probabilities, scores);
    }

    private static Matrix<double> ToMatrix(Tensor<float> tensor)
    {
        var result = new Matrix<double>(tensor.Dimensions[0], tensor.Dimensions[1]);
        for (int i = 0; i < result.Rows; i++)
            for (int j = 0; j < result.Columns; j++)
                result[i, j] = tensor[i, j];
        return result;
    }
}
