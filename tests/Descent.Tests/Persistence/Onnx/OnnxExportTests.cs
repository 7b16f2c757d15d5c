using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Persistence;
using Descent.Persistence.Onnx;
using Descent.Persistence.Onnx.Protobuf;

namespace Descent.Tests.Persistence.Onnx;

/// <summary>
/// Every saved kind (SampleModels: every model with every preprocessing step) exports to ONNX, and ONNX Runtime's
/// outputs equal Descent's predictions: the same labels, numbers to float32 precision; the graph has the promised
/// input, outputs and metadata.
/// </summary>
public sealed class OnnxExportTests
{
    public static TheoryData<string> Samples() => new(SampleModels.NumericNames);

    [Fact]
    public void Export_OfAModelReadingTableColumns_IsRefusedNamingTheStep()
    {
        var error = Assert.Throws<NotSupportedException>(() => Descent.Persistence.Onnx.OnnxExport.ToModel(SampleModels.Build("table-logistic")));
        Assert.Contains("ColumnTransformerModel has no ONNX form", error.Message);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void OnnxRuntime_AgreesWithDescent_OnDatasetAndRandomRows(string name)
    {
        var model = SampleModels.Build(name);
        OnnxAgreement.Check(model, SampleModels.Rows(name, model, 40));
        // Far from the training data too: standard normal rows scaled by each column's training spread.
        var data = SampleModels.Rows(name, model, 40);
        var spread = data.Std(axis: 0);
        var random = Matrix.RandomNormal<double>(200, data.Columns, new Rng(5));
        for (int i = 0; i < random.Rows; i++)
            for (int j = 0; j < random.Columns; j++)
                random[i, j] = data[i % data.Rows, j] + 2 * random[i, j] * spread[j];
        OnnxAgreement.Check(model, random);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Graph_HasOneFloatInputX_TheDocumentedOutputs_AndTheFeatureNames(string name)
    {
        var saved = SampleModels.Build(name);
        var model = ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(saved));

        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("X", input.Name);
        Assert.Equal((int)TensorProto.Types.DataType.Float, input.Type.TensorType.ElemType);
        Assert.Equal(["N", ""], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam));
        Assert.Equal(saved.FeatureNames.Count, input.Type.TensorType.Shape.Dim[1].DimValue);
        string[] expected = saved.Regressor is not null ? ["label"]
            : saved.Model is Descent.Linear.PerceptronModel ? ["label", "scores"] : ["label", "probabilities"];
        Assert.Equal(expected, model.Graph.Output.Select(o => o.Name));
        Assert.Equal(17, model.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal(8, model.IrVersion);
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(JsonFormat.Strings(saved.FeatureNames).ToJsonString(), metadata["feature_names"]);
        Assert.Equal(saved.TargetName, metadata["target"]);
        Assert.Equal(ModelFormats.ForModel(saved.Model).Kind, metadata["kind"]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Export_IsDeterministic(string name)
    {
        var saved = SampleModels.Build(name);
        Assert.Equal(OnnxExport.ToBytes(saved), OnnxExport.ToBytes(saved));
    }
}
