using Descent.Persistence.Onnx.Protobuf;
using DataType = Descent.Persistence.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Descent.Persistence.Onnx;

/// <summary>
/// An ONNX graph under construction: named inputs, constants (initializers), nodes with one output each, and the
/// declared outputs. Every value gets a unique name; the rows dimension of inputs and outputs is the symbol <c>N</c>.
/// <see cref="ToModel"/> wraps the graph in a model that imports opset <see cref="Opset"/> of the default domain and,
/// when a node uses it, opset <see cref="MlOpset"/> of <see cref="MlDomain"/>.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>The version of the default ONNX operator set the graph uses.</summary>
    public const int Opset = 17;

    /// <summary>The domain of the classical machine-learning operators (TreeEnsembleRegressor, ...).</summary>
    public const string MlDomain = "ai.onnx.ml";

    /// <summary>The version of <see cref="MlDomain"/> used (3: the first with double-precision tree attributes).</summary>
    public const int MlOpset = 3;

    /// <summary>ONNX IR version 8, the version of onnx-ml.proto 1.12 (opset 17).</summary>
    public const long IrVersion = 8;

    private const string Rows = "N";
    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _usesMlDomain;

    /// <summary>An empty graph called <paramref name="name"/>.</summary>
    public OnnxGraph(string name) => _graph = new GraphProto { Name = name };

    /// <summary>Declares the graph input <paramref name="name"/>: a float tensor [N, <paramref name="columns"/>].</summary>
    public OnnxTensor Input(string name, int columns)
    {
        var input = new OnnxTensor(Claim(name), DataType.Float);
        _graph.Input.Add(ValueInfo(input, columns));
        return input;
    }

    /// <summary>A constant double tensor of shape <paramref name="dims"/> (none: a scalar).</summary>
    public OnnxTensor Constant(string hint, IEnumerable<double> values, params long[] dims)
    {
        var tensor = NewConstant(hint, DataType.Double, dims);
        tensor.DoubleData.AddRange(values);
        return Add(tensor);
    }

    /// <summary>A constant int64 tensor of shape <paramref name="dims"/> (none: a scalar).</summary>
    public OnnxTensor Constant(string hint, IEnumerable<long> values, params long[] dims)
    {
        var tensor = NewConstant(hint, DataType.Int64, dims);
        tensor.Int64Data.AddRange(values);
        return Add(tensor);
    }

    /// <summary>A constant string tensor (UTF-8) of shape <paramref name="dims"/>.</summary>
    public OnnxTensor Constant(string hint, IEnumerable<string> values, params long[] dims)
    {
        var tensor = NewConstant(hint, DataType.String, dims);
        tensor.StringData.AddRange(values.Select(Google.Protobuf.ByteString.CopyFromUtf8));
        return Add(tensor);
    }

    /// <summary>Adds a node of the default domain with one output of element type <paramref name="type"/>.</summary>
    public OnnxTensor Node(string op, DataType type, OnnxTensor[] inputs, params AttributeProto[] attributes) =>
        AddNode(op, "", type, inputs, attributes);

    /// <summary>Adds a node of <see cref="MlDomain"/> with one output of element type <paramref name="type"/>.</summary>
    public OnnxTensor MlNode(string op, DataType type, OnnxTensor[] inputs, params AttributeProto[] attributes)
    {
        _usesMlDomain = true;
        return AddNode(op, MlDomain, type, inputs, attributes);
    }

    /// <summary><paramref name="value"/> converted to <paramref name="type"/> (no node when it already has that type).</summary>
    public OnnxTensor Cast(OnnxTensor value, DataType type) =>
        value.Type == type ? value : Node("Cast", type, [value], OnnxAttribute.Int("to", (long)type));

    /// <summary><paramref name="value"/> (any shape) flattened to one dimension [N].</summary>
    public OnnxTensor Flatten(OnnxTensor value) =>
        Node("Reshape", value.Type, [value, Constant("flat", [-1L], 1)]);

    /// <summary>
    /// Declares the graph output <paramref name="name"/> holding <paramref name="value"/>: shape [N] without
    /// <paramref name="columns"/>, else [N, columns]. The value is renamed by an Identity node when its name differs.
    /// </summary>
    public void Output(string name, OnnxTensor value, int? columns = null)
    {
        if (value.Name != name)
        {
            if (!_names.Add(name))
                throw new InvalidOperationException($"OnnxGraph.Output: the name '{name}' is already used in the graph.");
            value = AddNode("Identity", "", value.Type, [value], [], name);
        }
        _graph.Output.Add(ValueInfo(value, columns));
    }

    /// <summary>The model holding this graph, with its documentation and metadata (key, value) pairs.</summary>
    public ModelProto ToModel(string docString, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Descent",
            ProducerVersion = typeof(OnnxGraph).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = docString,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        if (_usesMlDomain)
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MlDomain, Version = MlOpset });
        foreach (var (key, value) in metadata)
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    private OnnxTensor AddNode(string op, string domain, DataType type, OnnxTensor[] inputs, AttributeProto[] attributes,
        string? output = null)
    {
        var result = new OnnxTensor(output ?? Claim(op.ToLowerInvariant()), type);
        var node = new NodeProto { OpType = op, Domain = domain, Name = result.Name };
        node.Input.AddRange(inputs.Select(i => i.Name));
        node.Output.Add(result.Name);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return result;
    }

    private TensorProto NewConstant(string hint, DataType type, long[] dims)
    {
        var tensor = new TensorProto { Name = Claim(hint), DataType = (int)type };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private OnnxTensor Add(TensorProto tensor)
    {
        _graph.Initializer.Add(tensor);
        return new OnnxTensor(tensor.Name, (DataType)tensor.DataType);
    }

    /// <summary>A name not used yet: <paramref name="hint"/>, else hint_1, hint_2, ...</summary>
    private string Claim(string hint)
    {
        string name = hint;
        for (int i = 1; !_names.Add(name); i++)
            name = $"{hint}_{i}";
        return name;
    }

    private static ValueInfoProto ValueInfo(OnnxTensor value, int? columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = Rows });
        if (columns is int c)
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
        return new ValueInfoProto
        {
            Name = value.Name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)value.Type, Shape = shape } },
        };
    }
}
