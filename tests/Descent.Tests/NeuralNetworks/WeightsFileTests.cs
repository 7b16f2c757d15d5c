using System.Text.Json;
using Descent.NeuralNetworks;
using Descent.Numerics.Random;

namespace Descent.Tests.NeuralNetworks;

public sealed class WeightsFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "descent-weights-" + Guid.NewGuid().ToString("N"));

    public WeightsFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static Sequential<T> Network<T>(ulong seed, int hidden = 4) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new Rng(seed);
        return new Sequential<T>(new Linear<T>(3, hidden, rng), new Relu<T>(), new Linear<T>(hidden, 2, rng, bias: false));
    }

    private static double[][] Values<T>(Module<T> m) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        m.Parameters().Select(p => p.ToArray().Select(v => double.CreateTruncating(v)).ToArray()).ToArray();

    [Theory]
    [InlineData(WeightsFormat.Json)]
    [InlineData(WeightsFormat.Binary)]
    public void SaveThenLoad_RestoresEveryParameterExactly(WeightsFormat format)
    {
        var saved = Network<float>(1);
        saved.SaveWeights(PathOf("w"), format);
        var loaded = Network<float>(2);
        Assert.NotEqual(Values(saved), Values(loaded));
        loaded.LoadWeights(PathOf("w"));
        Assert.Equal(Values(saved), Values(loaded));

        var doubles = Network<double>(3);
        doubles.SaveWeights(PathOf("d"), format);
        var other = Network<double>(4);
        other.LoadWeights(PathOf("d"));
        Assert.Equal(Values(doubles), Values(other));
        var single = Network<float>(5);                       // a float64 file loads into a float32 network
        single.LoadWeights(PathOf("d"));
        Assert.Equal(Values(doubles).Select(r => r.Select(v => (double)(float)v)), Values(single));
    }

    [Fact]
    public void Json_IsReadable_NamesShapesAndRows()
    {
        var network = Network<double>(6);
        network.SaveWeights(PathOf("w.json"));
        using var json = JsonDocument.Parse(File.ReadAllText(PathOf("w.json")));
        var root = json.RootElement;
        Assert.Equal("descent-weights", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("float64", root.GetProperty("dtype").GetString());
        var parameters = root.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(["0.weight", "0.bias", "2.weight"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([4, 3], parameters[0].GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        var firstRow = parameters[0].GetProperty("values")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(network.Parameters()[0].Data.Row(0).ToArray(), firstRow);
        Assert.Equal(4, parameters[1].GetProperty("values").GetArrayLength());
    }

    [Fact]
    public void Binary_IsCompact_AndFollowsItsDocumentedLayout()
    {
        var rng = new Rng(7);
        var big = new Sequential<float>(new Linear<float>(100, 50, rng));
        big.SaveWeights(PathOf("big.json"));
        big.SaveWeights(PathOf("big.bin"), WeightsFormat.Binary);
        var bytes = File.ReadAllBytes(PathOf("big.bin"));
        Assert.True(bytes.Length * 2.5 < new FileInfo(PathOf("big.json")).Length);
        Assert.Equal("DSCW"u8.ToArray(), bytes[..4]);
        Assert.Equal(1u, BitConverter.ToUInt32(bytes, 4));
        Assert.Equal(4, bytes[8]);                             // float32
        Assert.Equal(2u, BitConverter.ToUInt32(bytes, 9));     // weight and bias
        int nameLength = BitConverter.ToUInt16(bytes, 13);
        Assert.Equal("0.weight", System.Text.Encoding.UTF8.GetString(bytes, 15, nameLength));
        Assert.Equal(2, bytes[15 + nameLength]);
        Assert.Equal(50u, BitConverter.ToUInt32(bytes, 16 + nameLength));
        Assert.Equal(big.Parameters()[0].Data[0, 0], BitConverter.ToSingle(bytes, 24 + nameLength));
        int expectedLength = 13 + (2 + 8 + 1 + 8 + 5000 * 4) + (2 + 6 + 1 + 4 + 50 * 4);
        Assert.Equal(expectedLength, bytes.Length);
    }

    [Fact]
    public void Load_RefusesAnotherNetwork_NamingTheParameter_AndChangesNothing()
    {
        Network<double>(1, hidden: 5).SaveWeights(PathOf("w5.json"));
        Network<double>(1, hidden: 5).SaveWeights(PathOf("w5.bin"), WeightsFormat.Binary);
        var target = Network<double>(2);
        var before = Values(target);
        foreach (string file in new[] { "w5.json", "w5.bin" })
        {
            var e = Assert.Throws<DescentDataException>(() => target.LoadWeights(PathOf(file)));
            Assert.Contains("'0.weight' has shape [5, 3] in the file but [4, 3] in the network", e.Message);
            Assert.Equal(PathOf(file), e.File);
        }
        var rng = new Rng(3);
        new Sequential<double>(new Linear<double>(3, 4, rng)).SaveWeights(PathOf("short.json"));
        Assert.Contains("no values for '2.weight'", Assert.Throws<DescentDataException>(() => target.LoadWeights(PathOf("short.json"))).Message);
        new Sequential<double>(new Linear<double>(3, 4, rng), new Relu<double>(), new Linear<double>(4, 2, rng)).SaveWeights(PathOf("extra.bin"), WeightsFormat.Binary);
        Assert.Contains("a parameter '2.bias' that this network does not have", Assert.Throws<DescentDataException>(() => target.LoadWeights(PathOf("extra.bin"))).Message);
        Assert.Equal(before, Values(target));
    }

    [Fact]
    public void Load_RefusesDamagedFiles_WithTheReason()
    {
        var network = Network<float>(1);
        network.SaveWeights(PathOf("w.bin"), WeightsFormat.Binary);
        var bytes = File.ReadAllBytes(PathOf("w.bin"));
        File.WriteAllBytes(PathOf("truncated.bin"), bytes[..^3]);
        Assert.Contains("truncated", Load("truncated.bin"));
        var nan = (byte[])bytes.Clone();
        BitConverter.GetBytes(float.NaN).CopyTo(nan, bytes.Length - 4);
        File.WriteAllBytes(PathOf("nan.bin"), nan);
        Assert.Contains("weights must be finite", Load("nan.bin"));
        File.WriteAllBytes(PathOf("longer.bin"), [.. bytes, 0]);
        Assert.Contains("1 bytes follow the last parameter", Load("longer.bin"));
        var version = (byte[])bytes.Clone();
        version[4] = 9;
        File.WriteAllBytes(PathOf("version.bin"), version);
        Assert.Contains("version 9", Load("version.bin"));
        File.WriteAllText(PathOf("text.csv"), "a,b\n1,2\n");
        Assert.Contains("not a Descent weights file", Load("text.csv"));
        File.WriteAllText(PathOf("model.json"), "{\"format\": \"descent-model\"}");
        Assert.Contains("\"format\" is not \"descent-weights\"", Load("model.json"));
        network.SaveWeights(PathOf("w.json"));
        var edited = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PathOf("w.json")))!;
        edited["parameters"]![0]!["values"]![1]!.AsArray().RemoveAt(0);
        File.WriteAllText(PathOf("missing-value.json"), edited.ToJsonString());
        Assert.Contains("'0.weight' has 11 values but its shape [4, 3] needs 12", Load("missing-value.json"));
        edited["parameters"]![0]!["values"]![1]!.AsArray().Add("x");
        File.WriteAllText(PathOf("text-value.json"), edited.ToJsonString());
        Assert.Contains("holds \"x\" where a finite number belongs", Load("text-value.json"));
        Assert.Contains("cannot read", Load("no-such-file.json"));

        string Load(string name) => Assert.Throws<DescentDataException>(() => Network<float>(2).LoadWeights(PathOf(name))).Message;
    }
}
