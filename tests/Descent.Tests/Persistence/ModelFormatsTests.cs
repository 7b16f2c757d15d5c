using Descent.Data;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Descent.Numerics;
using Descent.Persistence;

namespace Descent.Tests.Persistence;

/// <summary>
/// Every saved kind: save → load gives the same predictions and probabilities bit for bit; the committed golden
/// files of every format version still load and predict the values recorded when they were written, and a format-1
/// tree or forest re-saved is exactly its format-2 golden; damaged files are refused.
/// </summary>
public sealed class ModelFormatsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("descent-formats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Samples() => new(SampleModels.Names);

    private static (double[]? Predictions, string[]? Labels, Matrix<double>? Probabilities) Predict(SavedModel model, object rows)
    {
        var x = rows is Table table ? model.Prepare(table) : model.Prepare((Matrix<double>)rows);
        if (model.Regressor is { } regressor)
            return (regressor.Predict(x), null, null);
        var classifier = model.Classifier!;
        var labels = Array.ConvertAll(classifier.PredictClassIndices(x), k => classifier.Classes[k].Text);
        return (null, labels, model.Model is Descent.Linear.PerceptronModel ? null : classifier.PredictProbabilities(x));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SaveThenLoad_GivesIdenticalModel(string name)
    {
        var saved = SampleModels.Build(name);
        string path = Path.Combine(_folder, name + ".json");
        ModelFile.Save(path, saved);
        var loaded = ModelFile.Load(path);

        Assert.Equal(saved.Model.GetType(), loaded.Model.GetType());
        Assert.Equal(saved.FeatureNames, loaded.FeatureNames);
        Assert.Equal(saved.TargetName, loaded.TargetName);
        Assert.Equal(saved.Preprocessing.Select(s => s.GetType()), loaded.Preprocessing.Select(s => s.GetType()));
        object rows = SampleModels.Table(name) ?? (object)(Matrix.RandomNormal<double>(50, saved.FeatureNames.Count, new Descent.Numerics.Random.Rng(7)) * 3.0);
        var before = Predict(saved, rows);
        var after = Predict(loaded, rows);
        Assert.Equal(before.Predictions, after.Predictions);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.Probabilities?.ToArray(), after.Probabilities?.ToArray());
        if (saved.Classifier is { } classifier)
            Assert.Equal(classifier.Classes, loaded.Classifier!.Classes);
        // Saving the loaded model again gives the same bytes: nothing is lost or re-derived differently.
        Assert.Equal(ModelFile.ToJson(saved), ModelFile.ToJson(loaded));
    }

    private static string GoldenFolder => Path.Combine(AppContext.BaseDirectory, "Persistence", "Golden");

    /// <summary>The samples whose kind writes format version 2 (trees and forests).</summary>
    public static TheoryData<string> Version2Samples() =>
        new(SampleModels.Names.Where(name => ModelFormats.ForModel(SampleModels.Build(name).Model).FormatVersion == 2));

    /// <summary>The samples of kinds that existed in format version 1 (kinds added later have format-2 golden files only).</summary>
    public static TheoryData<string> Version1Samples() =>
        new(SampleModels.Names.Where(name => File.Exists(Path.Combine(GoldenFolder, name + ".json"))));

    [Theory]
    [MemberData(nameof(Version1Samples))]
    public void GoldenFormatVersion1_LoadsAndPredictsTheRecordedValues(string name)
    {
        var model = ModelFile.Load(Path.Combine(GoldenFolder, name + ".json"));
        AssertRecordedPredictions(model, Path.Combine(GoldenFolder, name + ".expected.json"));
        // Re-saving a golden file reproduces it byte for byte (the format-1 writer has not drifted); a kind that now
        // writes format 2 reproduces its format-2 golden, so nothing of a format-1 file is lost on the way.
        bool upgraded = ModelFormats.ForModel(model.Model).FormatVersion == 2;
        string golden = upgraded ? Path.Combine(GoldenFolder, "v2", name + ".json") : Path.Combine(GoldenFolder, name + ".json");
        Assert.Equal(File.ReadAllText(golden), ModelFile.ToJson(model) + "\n");
    }

    [Theory]
    [MemberData(nameof(Version2Samples))]
    public void GoldenFormatVersion2_LoadsAndPredictsTheRecordedValues(string name)
    {
        string path = Path.Combine(GoldenFolder, "v2", name + ".json");
        var model = ModelFile.Load(path);
        AssertRecordedPredictions(model, Path.Combine(GoldenFolder, "v2", name + ".expected.json"));
        Assert.Contains("\"formatVersion\": 2", File.ReadAllText(path));
        Assert.Equal(File.ReadAllText(path), ModelFile.ToJson(model) + "\n");
    }

    private static void AssertRecordedPredictions(SavedModel model, string expectedPath)
    {
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!.AsObject();
        object rows = expected["csv"] is { } csv
            ? SampleModels.ReadCsv(csv.GetValue<string>(), "expected.csv", model.Columns!.Inputs.Where(i => i.Kind == ColumnKind.Category).Select(i => i.Name).ToArray())
            : Matrix.FromRows(expected["rows"]!.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray());
        var actual = Predict(model, rows);
        // Labels exactly; numbers to 1e-12 relative, so a faster GEMM summing in another order does not fail the format test.
        if (actual.Predictions is { } predictions)
            AssertClose(expected["predictions"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray(), predictions);
        else
            Assert.Equal(expected["predictions"]!.AsArray().Select(v => v!.GetValue<string>()), actual.Labels!);
        if (actual.Probabilities is { } probabilities)
            AssertClose(expected["probabilities"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => v!.GetValue<double>())).ToArray(),
                probabilities.ToArray());
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1.0, Math.Abs(expected[i])),
                $"value {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    /// <summary>
    /// With DESCENT_WRITE_GOLDEN_MODELS=1, writes into the source tree the golden files of the kinds that write the newest
    /// format version (format 2: Golden/v2/), and those missing for a new kind of an older version (Golden/); committed
    /// files of older versions stay as they were written. Run once when a format version or a kind is introduced.
    /// </summary>
    [Fact]
    public void GoldenFiles_ExistForEveryKind()
    {
        string source = Path.Combine(SourceFolder(), "Golden");
        if (Environment.GetEnvironmentVariable("DESCENT_WRITE_GOLDEN_MODELS") == "1")
            foreach (string name in SampleModels.Names)
            {
                if (ModelFormats.ForModel(SampleModels.Build(name).Model).FormatVersion == ModelFile.FormatVersion)
                    WriteGolden(Directory.CreateDirectory(Path.Combine(source, "v2")).FullName, name);
                else if (!File.Exists(Path.Combine(source, name + ".json")))
                    WriteGolden(source, name);
            }
        var kinds = new HashSet<string>();
        foreach (string name in SampleModels.Names)
        {
            string v1 = Path.Combine(source, name + ".json");
            var model = ModelFile.Load(File.Exists(v1) ? v1 : Path.Combine(source, "v2", name + ".json"));
            kinds.Add(ModelFormats.ForModel(model.Model).Kind);
            foreach (var step in model.Preprocessing)
                kinds.Add(ModelFormats.ForModel(step).Kind);
            foreach (var nested in model.Columns?.Entries.SelectMany(e => e.Steps) ?? [])
                kinds.Add(ModelFormats.ForModel(nested).Kind);
            if (ModelFormats.ForModel(model.Model).FormatVersion == 2)
                Assert.True(File.Exists(Path.Combine(source, "v2", name + ".json")), $"no format-2 golden file for {name}");
        }
        Assert.Equal(ModelFormats.Kinds.Order(), kinds.Order());
    }

    private static void WriteGolden(string folder, string name)
    {
        var model = SampleModels.Build(name);
        ModelFile.Save(Path.Combine(folder, name + ".json"), model);
        const string newRows = "age,city,signup,income\n33,Berlin,2024-07-01,50000\n,Lyon,,\n61,Paris,2022-01-31,70000\n";
        var table = SampleModels.Table(name) is null ? null
            : SampleModels.ReadCsv(newRows, "expected.csv", ["city"]);
        var rows = table is null ? SampleModels.Rows(name, model) : null;
        var (predictions, labels, probabilities) = Predict(model, (object?)table ?? rows!);
        var expected = new JsonObject
        {
            ["predictions"] = predictions is not null ? JsonFormat.Numbers(predictions) : JsonFormat.Strings(labels!),
        };
        if (rows is not null)
            expected.Insert(0, "rows", JsonFormat.NumberRows(Enumerable.Range(0, rows.Rows).Select(i => rows.Row(i).ToArray())));
        else
            expected.Insert(0, "csv", newRows);
        if (probabilities is not null)
            expected["probabilities"] = JsonFormat.NumberRows(Enumerable.Range(0, probabilities.Rows).Select(i => probabilities.Row(i).ToArray()));
        File.WriteAllText(Path.Combine(folder, name + ".expected.json"), expected.ToJsonString() + "\n");
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private string SaveSample(string name)
    {
        string path = Path.Combine(_folder, name + ".json");
        ModelFile.Save(path, SampleModels.Build(name));
        return path;
    }

    private string Edit(string name, Action<JsonObject> edit)
    {
        string path = SaveSample(name);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(document);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static JsonObject Model(JsonObject document) => document["model"]!.AsObject();

    public static TheoryData<string, string, string> Edits() => new()
    {
        { "forest-regressor", "no-trees", "field 'model.trees' must hold at least one tree" },
        { "softmax", "missing-row", "field 'model.coefficients' must hold 3 rows" },
        { "logistic-binary", "threshold", "field 'model.decisionThreshold' must be between 0 and 1" },
        { "logistic-binary", "duplicate-class", "lists the class '0' twice" },
        { "perceptron", "fractional-iterations", "field 'model.iterations' must be an integer" },
        { "poly-standardized-ridge", "term-out-of-range", "field 'preprocessing.terms[0].term[0]' must be a whole number in [0, 1]" },
        { "poly-standardized-ridge", "zero-scale", "field 'preprocessing.scale[0]' must be a positive number" },
        { "min-max-logistic", "backwards-range", "field 'preprocessing.featureRange' must be [lo, hi] with lo < hi" },
        { "elasticnet", "unknown-step", "names an unknown preprocessing kind 'whitening'" },
        { "forest-classifier", "step-as-model", "'standard-scaler' is a preprocessing step, not a model kind" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Load_RefusesEditedFiles_NamingTheField(string sample, string edit, string expected)
    {
        string path = Edit(sample, document =>
        {
            switch (edit)
            {
                case "no-trees": Model(document)["trees"] = new JsonArray(); break;
                case "missing-row": Model(document)["coefficients"]!.AsArray().RemoveAt(2); break;
                case "threshold": Model(document)["decisionThreshold"] = 1.0; break;
                case "duplicate-class": Model(document)["classes"]![1] = "0"; break;
                case "fractional-iterations": Model(document)["iterations"] = 2.5; break;
                case "term-out-of-range": document["preprocessing"]![0]!["terms"]![0]![0] = 2; break;
                case "zero-scale": document["preprocessing"]![1]!["scale"]![0] = 0.0; break;
                case "backwards-range": document["preprocessing"]![0]!["featureRange"] = new JsonArray(1.0, 0.0); break;
                case "unknown-step": document["preprocessing"]![0]!["kind"] = "whitening"; break;
                case "step-as-model": document["kind"] = "standard-scaler"; break;
            }
        });
        var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Load_RefusesEveryTruncation(string name)
    {
        string path = SaveSample(name);
        string text = File.ReadAllText(path);
        foreach (double fraction in new[] { 0.1, 0.5, 0.9, 0.999 })
        {
            File.WriteAllText(path, text[..(int)(text.Length * fraction)]);
            var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
            Assert.Contains("invalid JSON", e.Message);
        }
    }

    [Fact]
    public void Save_RefusesAnUnregisteredModelType_NamingTheKinds()
    {
        var e = Assert.Throws<NotSupportedException>(() => ModelFormats.ForModel(new object()));
        Assert.Contains("tree-classifier", e.Message);
    }
}
