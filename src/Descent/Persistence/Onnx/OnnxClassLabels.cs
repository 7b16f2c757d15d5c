using System.Globalization;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx;

/// <summary>
/// The <c>label</c> output of a classifier: the model's class labels looked up (Gather) by predicted class index.
/// The labels are an int64 tensor when every label is written as an integer ("3", "-1"), as skl2onnx writes integer
/// classes, and otherwise strings exactly as written in the training data ("setosa", "2.5", "3.0").
/// </summary>
internal static class OnnxClassLabels
{
    /// <summary>Declares the output <c>label</c> [N]: <paramref name="classes"/>[index] for each row's class index (int64).</summary>
    public static void Output(OnnxGraph graph, IReadOnlyList<Label> classes, OnnxTensor indices)
    {
        var table = AsIntegers(classes) is { } integers
            ? graph.Constant("classes", integers, integers.Length)
            : graph.Constant("classes", classes.Select(c => c.Text), classes.Count);
        graph.Output("label", graph.Node("Gather", table.Type, [table, indices], OnnxAttribute.Int("axis", 0)));
    }

    /// <summary>The labels as integers when each is written exactly as an integer's invariant text; otherwise null.</summary>
    public static long[]? AsIntegers(IReadOnlyList<Label> classes)
    {
        var values = new long[classes.Count];
        for (int k = 0; k < values.Length; k++)
        {
            string text = classes[k].Text;
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[k])
                || values[k].ToString(CultureInfo.InvariantCulture) != text)
                return null;
        }
        return values;
    }

    /// <summary>The index of the largest score in each row of <paramref name="scores"/> (the first on a tie), int64 [N].</summary>
    public static OnnxTensor ArgMax(OnnxGraph graph, OnnxTensor scores) =>
        graph.Node("ArgMax", DataType.Int64, [scores], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0),
            OnnxAttribute.Int("select_last_index", 0));

    /// <summary>1 where the single score column exceeds <paramref name="cut"/>, else 0, as int64 [N] (the binary decision).</summary>
    public static OnnxTensor Above(OnnxGraph graph, OnnxTensor scores, double cut)
    {
        var above = graph.Node("Greater", DataType.Bool, [scores, graph.Constant("cut", [cut])]);
        return graph.Flatten(graph.Cast(above, DataType.Int64));
    }
}
