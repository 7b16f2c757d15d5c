using System.Text;
using System.Text.Json;
using Descent.Numerics;
using Descent.Persistence;

namespace Descent.Tests.Persistence;

/// <summary>
/// The format-2 encoding read and written by numpy, zlib and base64 alone (tests/reference/model_files.py): Python,
/// following docs/CLI.md, decodes Descent's golden tree and forest files and predicts what Descent predicts; Descent
/// decodes the arrays Python encoded, in every type and both compressions, bit for bit.
/// </summary>
public class ModelFileInteropTests
{
    private static JsonElement Golden => Tests.Golden.Load("persistence", "model_files");

    public static TheoryData<string> Models() => new("tree-regressor", "tree-classifier", "forest-regressor", "forest-classifier");

    [Theory]
    [MemberData(nameof(Models))]
    public void PythonReadingTheDocumentedEncoding_PredictsWhatDescentPredicts(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "v2");
        var model = ModelFile.Load(Path.Combine(folder, name + ".json"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".expected.json")));
        Matrix<double> rows = Tests.Golden.Matrix(expected.RootElement.GetProperty("rows"));
        JsonElement python = Golden.GetProperty("predictions").GetProperty(name);
        if (model.Regressor is { } regressor)
        {
            Tests.Golden.Close(Tests.Golden.Doubles(python.GetProperty("predictions")), regressor.Predict(rows), name);
            return;
        }
        var classifier = model.Classifier!;
        Assert.Equal(Tests.Golden.Strings(python.GetProperty("labels")),
            Array.ConvertAll(classifier.PredictClassIndices(rows), k => classifier.Classes[k].Text));
        Tests.Golden.Close(Tests.Golden.Matrix(python.GetProperty("probabilities")).ToArray(), classifier.PredictProbabilities(rows).ToArray(), name);
    }

    [Fact]
    public void ArraysEncodedByPython_DecodeBitForBit()
    {
        foreach (JsonElement array in Golden.GetProperty("arrays").EnumerateArray())
        {
            JsonElement encoded = array.GetProperty("encoded");
            string dtype = encoded.GetProperty("dtype").GetString()!;
            PackedArray packed = ArrayEncoding.Decode(dtype, encoded.GetProperty("count").GetInt32(),
                encoded.GetProperty("compression").GetString() == "zlib", Encoding.ASCII.GetBytes(encoded.GetProperty("base64").GetString()!),
                message => new InvalidDataException(message));
            double[] expected = array.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(dtype, packed.Type);
            Assert.Equal(Array.ConvertAll(expected, BitConverter.DoubleToInt64Bits), Array.ConvertAll(packed.ToDoubles(), BitConverter.DoubleToInt64Bits));
            if (packed.IsInteger)
                Assert.Equal(Array.ConvertAll(expected, v => (int)v), packed.ToIntegers());
        }
    }
}
