using System.Text.Json.Nodes;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Trees;

namespace Descent.Tests.Persistence;

/// <summary>
/// Trees and forests in model files: format 2 (encoded arrays, structure from the split/leaf marks) is compact and
/// loads to the same trees; edited, cut or wrongly encoded arrays, and sizes that disagree with the header, are
/// refused naming the field; format-1 files are still checked node by node.
/// </summary>
public sealed class TreeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("descent-trees-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Tree(JsonObject document) => document["model"]!["tree"]!.AsObject();

    private static PackedArray Packed(JsonNode encoded)
    {
        var json = encoded.AsObject();
        byte[] base64 = System.Text.Encoding.ASCII.GetBytes(json["base64"]!.GetValue<string>());
        return ArrayEncoding.Decode(json["dtype"]!.GetValue<string>(), json["count"]!.GetValue<int>(),
            json["compression"]!.GetValue<string>() == "zlib", base64, message => new InvalidDataException(message));
    }

    private static int[] Integers(JsonNode encoded) => Packed(encoded).ToIntegers();

    private static double[] Doubles(JsonNode encoded) => Packed(encoded).ToDoubles();

    private string Edit(SavedModel model, Action<JsonObject> edit)
    {
        string path = Path.Combine(_folder, "m.json");
        ModelFile.Save(path, model);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(document);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static void AssertRefused(string path, string expected)
    {
        var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    public static TheoryData<string, string> Version2Edits() => new()
    {
        { "feature-out-of-range", "field 'model.tree.feature[0]' must be a whole number in [-1, 3]" },
        { "leaf-made-split", "field 'model.tree.feature' does not describe one tree in depth-first order (split node" },
        { "split-made-leaf", "field 'model.tree.feature' does not describe one tree in depth-first order (the tree is complete after node" },
        { "node-count", "field 'model.tree.feature' must hold 8 numbers, but holds 7" },
        { "value-count", "field 'model.tree.value' must hold 7 numbers, but holds 6" },
        { "threshold-nan", "field 'model.tree.threshold[0]' must be a finite number" },
        { "fractional-samples", "field 'model.tree.samples[1]' must be a whole number in [0, 2147483647]" },
        { "impurity-infinite", "field 'model.tree.impurity[2]' must be a finite number" },
        { "unknown-dtype", "field 'model.tree.value.dtype' must be one of float64, float32, int32, int16, int8" },
        { "unknown-compression", "field 'model.tree.value.compression' must be \"none\" or \"zlib\"" },
        { "keys-out-of-order", "field 'model.tree.value' must be an encoded array: dtype, count, compression and base64, in that order" },
        { "negative-count", "field 'model.tree.value.count' must be at least 0" },
        { "cut-short", "field 'model.tree.threshold.base64' is cut short: it holds 48 bytes, but 7 float64 values need 56" },
        { "not-base64", "field 'model.tree.threshold.base64' is not valid base64" },
        { "unpadded", "field 'model.tree.threshold.base64' must be padded base64" },
        { "zlib-damaged", "field 'model.tree.value' is not valid zlib data" },
        { "zlib-cut-short", "field 'model.tree.threshold' is cut short: its zlib data holds 48 bytes, but 7 float64 values need 56" },
        { "zlib-claims-gigabytes", "field 'model.tree.value.count' declares more data than a model file of this size can hold" },
        { "field-after-data", "field 'model.tree.value' is an encoded array, which has no field after \"base64\"" },
    };

    /// <summary>A depth-2 regression tree (7 nodes), whose arrays are small enough to edit by hand, stored uncompressed or zlib'd as noted.</summary>
    private static SavedModel SmallTree()
    {
        var data = Descent.Data.Datasets.Load("diabetes");
        var x = data.Features.ColumnRange(0, 4);
        return new SavedModel(new DecisionTreeRegressor { MaxDepth = 2 }.Fit(x, data.RequireNumericTarget()),
            data.FeatureNames.Take(4).ToArray(), data.TargetName);
    }

    [Theory]
    [MemberData(nameof(Version2Edits))]
    public void Version2_RefusesEditedOrDamagedArrays_NamingTheField(string edit, string expected)
    {
        string path = Edit(SmallTree(), document =>
        {
            JsonObject tree = Tree(document);
            int[] feature = Integers(tree["feature"]!);
            double[] threshold = Doubles(tree["threshold"]!);
            switch (edit)
            {
                case "feature-out-of-range": feature[0] = 4; tree["feature"] = JsonFormat.Encoded(feature); break;
                case "leaf-made-split": feature[^1] = 0; tree["feature"] = JsonFormat.Encoded(feature); break;
                case "split-made-leaf": feature[1] = -1; tree["feature"] = JsonFormat.Encoded(feature); break;
                case "node-count": tree["nodeCount"] = 8; break;
                case "value-count": tree["value"] = JsonFormat.Encoded(Doubles(tree["value"]!)[..6]); break;
                case "threshold-nan": threshold[0] = double.NaN; tree["threshold"] = JsonFormat.Encoded(threshold); break;
                case "fractional-samples":
                    double[] samples = Array.ConvertAll(Integers(tree["samples"]!), v => (double)v);
                    samples[1] += 0.5;
                    tree["samples"] = JsonFormat.Encoded(samples);
                    break;
                case "impurity-infinite":
                    double[] impurity = Doubles(tree["impurity"]!);
                    impurity[2] = double.PositiveInfinity;
                    tree["impurity"] = JsonFormat.Encoded(impurity);
                    break;
                case "unknown-dtype": Value(tree)["dtype"] = "float128"; break;
                case "unknown-compression": Value(tree)["compression"] = "gzip"; break;
                case "keys-out-of-order": tree["value"] = Reordered(Value(tree)); break;
                case "negative-count": Value(tree)["count"] = -1; break;
                case "cut-short": Threshold(tree)["base64"] = Threshold(tree)["base64"]!.GetValue<string>()[..64]; break;
                case "not-base64": Threshold(tree)["base64"] = "!" + Threshold(tree)["base64"]!.GetValue<string>()[1..]; break;
                case "unpadded": Threshold(tree)["base64"] = Threshold(tree)["base64"]!.GetValue<string>()[..^1]; break;
                case "zlib-damaged": Value(tree)["base64"] = Flip(Value(tree)["base64"]!.GetValue<string>()); break;
                case "zlib-cut-short": tree["threshold"] = Zlib("float64", 7, Convert.FromBase64String(Threshold(tree)["base64"]!.GetValue<string>())[..48]); break;
                case "zlib-claims-gigabytes": Value(tree)["count"] = 500_000_000; break;
                case "field-after-data": Value(tree)["extra"] = 1; break;
            }
        });
        AssertRefused(path, expected);
    }

    /// <summary>The thresholds, rewritten uncompressed when zlib made them smaller, so that their base64 holds the raw bytes.</summary>
    private static JsonObject Threshold(JsonObject tree)
    {
        JsonNode encoded = tree["threshold"]!;
        if (encoded["compression"]!.GetValue<string>() == "zlib")
        {
            var raw = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(Convert.FromBase64String(encoded["base64"]!.GetValue<string>())),
                       System.IO.Compression.CompressionMode.Decompress))
                zlib.CopyTo(raw);
            tree["threshold"] = new JsonObject
            {
                ["dtype"] = "float64", ["count"] = encoded["count"]!.GetValue<int>(), ["compression"] = "none",
                ["base64"] = Convert.ToBase64String(raw.ToArray()),
            };
        }
        return tree["threshold"]!.AsObject();
    }

    /// <summary>The node values, rewritten through zlib when they were stored plain, so that the zlib cases have data to damage.</summary>
    private static JsonObject Value(JsonObject tree)
    {
        JsonNode encoded = tree["value"]!;
        if (encoded["compression"]!.GetValue<string>() != "zlib")
            tree["value"] = Zlib(encoded["dtype"]!.GetValue<string>(), encoded["count"]!.GetValue<int>(),
                Convert.FromBase64String(encoded["base64"]!.GetValue<string>()));
        return tree["value"]!.AsObject();
    }

    /// <summary>An encoded array whose base64 holds <paramref name="raw"/> through zlib, declaring <paramref name="count"/> values.</summary>
    private static JsonObject Zlib(string dtype, int count, byte[] raw)
    {
        var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal))
            zlib.Write(raw);
        return new JsonObject
        {
            ["dtype"] = dtype, ["count"] = count, ["compression"] = "zlib", ["base64"] = Convert.ToBase64String(packed.ToArray()),
        };
    }

    private static JsonObject Reordered(JsonObject encoded) => new()
    {
        ["count"] = encoded["count"]!.DeepClone(), ["dtype"] = encoded["dtype"]!.DeepClone(),
        ["compression"] = encoded["compression"]!.DeepClone(), ["base64"] = encoded["base64"]!.DeepClone(),
    };

    /// <summary>Changes one byte in the middle of the zlib data (its Adler-32 checksum or the deflate stream then fails).</summary>
    private static string Flip(string base64)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        bytes[bytes.Length / 2] ^= 0x5A;
        return Convert.ToBase64String(bytes);
    }

    [Fact]
    public void Version2_ZlibValuesAreReadLikeRawOnes()
    {
        var model = SmallTree();
        string path = Edit(model, document => Value(Tree(document)));
        var loaded = ModelFile.Load(path);
        var x = Matrix.RandomNormal<double>(30, 4, new Descent.Numerics.Random.Rng(2)) * 0.05;
        Assert.Equal(model.Regressor!.Predict(x), loaded.Regressor!.Predict(x));
    }

    public static TheoryData<string, string> Version1Edits() => new()
    {
        { "left-not-next", "field 'model.tree.left[0]' must be 1: nodes are numbered depth-first" },
        { "right-not-after-left-subtree", "field 'model.tree.right[0]' must be " },
        { "feature-out-of-range", "field 'model.tree.feature[0]' must be a whole number in [-1, 3]" },
        { "value-width", "must hold 3 numbers" },
        { "half-leaf", "must mark a leaf" },
    };

    [Theory]
    [MemberData(nameof(Version1Edits))]
    public void Version1_RefusesEditedTrees_NamingTheField(string edit, string expected)
    {
        string path = Path.Combine(_folder, "v1.json");
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden", "tree-classifier.json")))!.AsObject();
        JsonObject tree = Tree(document);
        switch (edit)
        {
            case "left-not-next": tree["left"]![0] = 0; break;
            case "right-not-after-left-subtree": tree["right"]![0] = tree["right"]!.AsArray().Count - 1; break;
            case "feature-out-of-range": tree["feature"]![0] = 4; break;
            case "value-width": tree["value"]![0]!.AsArray().RemoveAt(0); break;
            case "half-leaf": tree["right"]![0] = -1; break;
        }
        File.WriteAllText(path, document.ToJsonString());
        AssertRefused(path, expected);
    }

    [Fact]
    public void Forest_IsHalfTheSizeOfScikitLearnsPickle_AndLoadsToTheSameTrees()
    {
        var data = Descent.Data.Generators.MakeRegression(4000, 8, informative: 5, noise: 10.0, seed: 4);
        var x = data.Features;
        var forest = new RandomForestRegressor { TreeCount = 6 }.Fit(x, data.RequireNumericTarget());
        string path = Path.Combine(_folder, "forest.json");
        ModelFile.Save(path, new SavedModel(forest, data.FeatureNames, data.TargetName));

        // scikit-learn 1.2 pickles a tree as its node records (7 fields of 8 bytes) and a float64 value per node and output
        long nodes = forest.Trees.Sum(t => (long)t.NodeCount);
        double bytesPerNode = new FileInfo(path).Length / (double)nodes;
        Assert.True(bytesPerNode <= 0.5 * (56 + 8), $"{bytesPerNode:F1} bytes per node");

        var loaded = (RandomForestRegressorModel)ModelFile.Load(path).Model;
        for (int t = 0; t < forest.Trees.Count; t++)
        {
            Tree before = forest.Trees[t], after = loaded.Trees[t];
            Assert.Equal(before.Nodes, after.Nodes);
            Assert.Equal(before.Values.ToArray(), after.Values.ToArray());
        }
        Assert.Equal(forest.FeatureImportances, loaded.FeatureImportances);
        Assert.Equal(forest.Predict(x), loaded.Predict(x));
    }

    /// <summary>
    /// The file holds a regression tree's arrays in the documented layout (NaN thresholds at leaves, every node's
    /// value), written from the tree's own layout, and a loaded forest saves to the same bytes again.
    /// </summary>
    [Fact]
    public void RegressionForest_WritesTheDocumentedArrays_AndSavesTheSameBytesAfterLoading()
    {
        var data = Descent.Data.Datasets.Load("diabetes");
        var forest = new RandomForestRegressor { TreeCount = 4 }.Fit(data.Features, data.RequireNumericTarget());
        var saved = new SavedModel(forest, data.FeatureNames, data.TargetName);
        string first = Path.Combine(_folder, "first.json"), second = Path.Combine(_folder, "second.json");
        ModelFile.Save(first, saved);
        var document = JsonNode.Parse(File.ReadAllText(first))!.AsObject();
        for (int t = 0; t < forest.Trees.Count; t++)
        {
            JsonObject tree = document["model"]!["trees"]![t]!.AsObject();
            Assert.Equal(forest.Trees[t].Threshold.ToArray(), Doubles(tree["threshold"]!));
            Assert.Equal(forest.Trees[t].Values.ToArray(), Doubles(tree["value"]!));
            Assert.Contains(Doubles(tree["threshold"]!), double.IsNaN);
        }
        var loaded = ModelFile.Load(first);
        ModelFile.Save(second, loaded);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(forest.Predict(data.Features), ((RandomForestRegressorModel)loaded.Model).Predict(data.Features));
    }

    [Fact]
    public void Forest_WithSeveralDamagedTrees_IsRefusedNamingTheFirst()
    {
        var data = Descent.Data.Datasets.Load("diabetes");
        var forest = new RandomForestRegressor { TreeCount = 6, MaxDepth = 3 }.Fit(data.Features, data.RequireNumericTarget());
        string path = Edit(new SavedModel(forest, data.FeatureNames, data.TargetName), document =>
        {
            foreach (int t in new[] { 4, 2, 5 })
                document["model"]!["trees"]![t]!["nodeCount"] = 1000;
        });
        AssertRefused(path, "field 'model.trees[2].feature' must hold 1000 numbers");
    }

    [Fact]
    public void ClassificationForest_StoresItsClassCountsAsIntegers()
    {
        var data = Descent.Data.Datasets.Load("digits");
        var forest = new RandomForestClassifier { TreeCount = 5 }.Fit(data.Features, data.RequireClassLabels());
        var document = JsonNode.Parse(ModelFile.ToJson(new SavedModel(forest, data.FeatureNames, data.TargetName)))!.AsObject();
        JsonObject tree = document["model"]!["trees"]![0]!.AsObject();
        Assert.Equal("int8", tree["feature"]!["dtype"]!.GetValue<string>());      // 64 features
        Assert.Equal("int16", tree["value"]!["dtype"]!.GetValue<string>());       // bootstrap class counts up to n
        Assert.Equal("float64", tree["threshold"]!["dtype"]!.GetValue<string>());
        Assert.Equal(forest.Trees[0].Values.ToArray(), Doubles(tree["value"]!));
    }
}
