using Descent.Persistence.Onnx.Protobuf;
using Google.Protobuf;
using AttributeType = Descent.Persistence.Onnx.Protobuf.AttributeProto.Types.AttributeType;

namespace Descent.Persistence.Onnx;

/// <summary>Builds the attributes of ONNX nodes (<c>AttributeProto</c>): integers, floats, strings, lists of them, double tensors.</summary>
internal static class OnnxAttribute
{
    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeType.Float, F = value };

    /// <summary>A string attribute (UTF-8).</summary>
    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A list-of-integers attribute.</summary>
    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A list-of-strings attribute (UTF-8).</summary>
    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return attribute;
    }

    /// <summary>A tensor attribute holding a 1-D array of doubles (the <c>*_as_tensor</c> attributes of ai.onnx.ml).</summary>
    public static AttributeProto DoubleTensor(string name, IEnumerable<double> values)
    {
        var tensor = new TensorProto { DataType = (int)TensorProto.Types.DataType.Double };
        tensor.DoubleData.AddRange(values);
        tensor.Dims.Add(tensor.DoubleData.Count);
        return new AttributeProto { Name = name, Type = AttributeType.Tensor, T = tensor };
    }
}
