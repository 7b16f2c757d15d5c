using Descent.Persistence.Onnx.Protobuf;
using Google.Protobuf;

namespace Descent.Persistence.Onnx;

/// <summary>
/// Exports a <see cref="SavedModel"/> — its preprocessing steps and its model — as one ONNX graph (opset 17;
/// ai.onnx.ml opset 3 for trees) that any ONNX runtime can serve. The graph has one input <c>X</c>, float [N, F], holding
/// the feature columns in the order of <see cref="SavedModel.FeatureNames"/>, and the outputs
/// <list type="bullet">
/// <item><c>label</c> [N]: regressors, the prediction (float); classifiers, the predicted class label (int64 when
/// every class label is written as an integer, else the labels as written, as strings);</item>
/// <item><c>probabilities</c> float [N, K], classifiers with probabilities: one column per class, in the order of
/// the model's <c>Classes</c>;</item>
/// <item><c>scores</c> float [N, 1] or [N, K], the perceptron (which has no probabilities): its decision function.</item>
/// </list>
/// The arithmetic runs in double inside the graph, as Descent computes, and the outputs are rounded to float once;
/// trees compare the features as float32 against double thresholds, as Descent's trees (and scikit-learn's) do. So
/// ONNX Runtime's outputs equal Descent's predictions to float32 precision. The model's metadata records the
/// feature names (<c>feature_names</c>, a JSON array), the target (<c>target</c>) and the Descent kind (<c>kind</c>).
/// </summary>
public static class OnnxExport
{
    /// <summary>The version of the default ONNX operator set the graphs use.</summary>
    public const int Opset = OnnxGraph.Opset;

    /// <summary>The ONNX model as bytes (the protobuf encoding of <c>onnx.ModelProto</c>, what a .onnx file holds).</summary>
    /// <exception cref="NotSupportedException">A preprocessing step or the model has no ONNX form; the message names it.</exception>
    public static byte[] ToBytes(SavedModel model) => ToModel(model).ToByteArray();

    /// <summary>Writes the ONNX model to <paramref name="path"/> (a temporary file, then moved into place).</summary>
    /// <exception cref="NotSupportedException">A preprocessing step or the model has no ONNX form; the message names it.</exception>
    public static void Save(string path, SavedModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var proto = ToModel(model);
        AtomicFile.Write(path, stream => proto.WriteTo(stream));
    }

    internal static ModelProto ToModel(SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modelExporter = OnnxExporters.ForModel(model.Model)
            ?? throw new NotSupportedException(
                $"ONNX export: {model.Model.GetType().Name} has no ONNX form yet; the models that export are " +
                $"{string.Join(", ", OnnxExporters.ModelNames)}.");
        string kind = ModelFormats.ForModel(model.Model).Kind;
        var graph = new OnnxGraph("descent-" + kind);
        var x = graph.Input("X", model.FeatureNames.Count);
        foreach (var step in model.Preprocessing)
        {
            var stepExporter = OnnxExporters.ForStep(step)
                ?? throw new NotSupportedException(
                    $"ONNX export: the preprocessing step {step.GetType().Name} has no ONNX form yet; the steps that export are " +
                    $"{string.Join(", ", OnnxExporters.StepNames)}. Fit the model without that step to export it.");
            x = stepExporter.Add(graph, step, x);
        }
        modelExporter.Add(graph, model.Model, x);
        var metadata = new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["feature_names"] = JsonFormat.Strings(model.FeatureNames).ToJsonString(),
        };
        if (model.TargetName is not null)
            metadata["target"] = model.TargetName;
        string doc = $"Descent {kind} model. Input X: float [N, {model.FeatureNames.Count}], the columns " +
                     $"{string.Join(", ", model.FeatureNames)} in this order.";
        return graph.ToModel(doc, metadata);
    }
}
