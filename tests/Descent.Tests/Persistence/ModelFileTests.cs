using Descent.Linear;
using Descent.Numerics;
using Descent.Persistence;

namespace Descent.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("descent-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SavedModel Sample() => new(
        new LinearModel([0.1 + 0.2, -1e-300, 12345.678901234567], Math.PI, new FitHistory([3.0, 2.0, 1.5], [[0.0, 0], [0.5, 0.25]])),
        ["a", "b", "c"], "y");

    [Fact]
    public void SaveThenLoad_PredictsBitForBit()
    {
        string path = Path.Combine(_folder, "m.json");
        var saved = Sample();
        ModelFile.Save(path, saved);
        var loaded = ModelFile.Load(path);

        var x = Matrix.RandomNormal<double>(20, 3, new Descent.Numerics.Random.Rng(1));
        Assert.Equal(saved.Regressor!.Predict(x), loaded.Regressor!.Predict(x));
        Assert.Equal(["a", "b", "c"], loaded.FeatureNames);
        Assert.Equal("y", loaded.TargetName);
        var history = ((LinearModel)loaded.Model).History;
        Assert.Equal([3.0, 2.0, 1.5], history.Costs);
        Assert.Equal([0.5, 0.25], history.ParameterPath![1]);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Theory]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 99", "format version 99 is not supported")]
    [InlineData("\"format\": \"descent-model\"", "\"format\": \"other\"", "not a Descent model file")]
    [InlineData("\"kind\": \"linear\"", "\"kind\": \"quantum\"", "unknown model kind 'quantum'")]
    [InlineData("\"intercept\"", "\"icept\"", "required field 'model.intercept' is missing")]
    [InlineData("\"b\",", "", "the model is inconsistent")]
    public void Load_RefusesEditedFiles_NamingTheProblem(string find, string replace, string expected)
    {
        string path = Path.Combine(_folder, "m.json");
        ModelFile.Save(path, Sample());
        string text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void Load_RefusesTruncatedFile()
    {
        string path = Path.Combine(_folder, "m.json");
        ModelFile.Save(path, Sample());
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        Assert.False(ModelFile.TryLoad(path, out var model, out string? error));
        Assert.Null(model);
        Assert.Contains("invalid JSON", error);
    }

    [Fact]
    public void Load_RefusesNonFiniteCoefficient()
    {
        string path = Path.Combine(_folder, "m.json");
        ModelFile.Save(path, Sample());
        var text = File.ReadAllText(path).Replace("3.141592653589793", "\"NaN\"");
        File.WriteAllText(path, text);

        var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
        Assert.Contains("'model.intercept' must be a finite number", e.Message);
    }

    [Fact]
    public void Save_LeavesExistingFileUntouched_WhenWritingFails()
    {
        string path = Path.Combine(_folder, "m.json");
        File.WriteAllText(path, "old");
        Assert.ThrowsAny<Exception>(() => AtomicFile.Write(path, s => { s.WriteByte(1); throw new IOException("disk full"); }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }
}
