using Descent.Persistence.Onnx.Protobuf;

namespace Descent.Persistence.Onnx;

/// <summary>A value flowing through an <see cref="OnnxGraph"/>: the name a node writes it under, and its element type.</summary>
/// <param name="Name">The value's name in the graph (unique).</param>
/// <param name="Type">Its element type (float, double, int64, string, bool).</param>
internal readonly record struct OnnxTensor(string Name, TensorProto.Types.DataType Type);
