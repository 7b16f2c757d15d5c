using System.Text.Json;
using Descent.Cli;

namespace Descent.Tests.Cli;

/// <summary>describe, split, predict --keep and --impute drop on a messy table, run in process.</summary>
public sealed class TableCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("descent-table-commands-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Messy()
    {
        string path = Path.Combine(_folder, "messy.csv");
        var lines = new List<string> { "id;city;income;signup;label" };
        for (int i = 0; i < 40; i++)
            lines.Add($"\"R{i:00}\";{(i % 9 == 4 ? "" : i % 3 == 0 ? "Paris" : "Lyon")};\"{1000 + 37 * i:#,##0}.5\";2024-01-{1 + i % 28:00};{(i % 2 == 0 ? "a" : "b")}");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Describe_NeverFails_AndSaysWhatFitNeeds()
    {
        var result = Run("describe", "--data", Messy(), "--target", "label");
        Assert.True(result.Code == 0, result.Error);
        Assert.Matches(@"\ncity +feature +category +4 +2 ", result.Out);
        Assert.Matches(@"\nsignup +feature +date ", result.Out);
        Assert.Contains("Give --thousands ,.", result.Out);
        Assert.Contains("--impute mean, median, most-frequent or drop: 4 empty cells in city.", result.Out);
        Assert.Contains("--exclude id: 40 distinct values in 40 rows", result.Out);
    }

    [Fact]
    public void Split_WritesEveryRowOnceAsWritten_HeaderFirst()
    {
        string data = Messy(), train = Path.Combine(_folder, "train.csv"), test = Path.Combine(_folder, "test.csv");
        var result = Run("split", "--data", data, "--test-size", "0.25", "--stratify", "label", "--seed", "3", "--train-out", train, "--test-out", test);
        Assert.True(result.Code == 0, result.Error);
        string[] original = File.ReadAllLines(data), a = File.ReadAllLines(train), b = File.ReadAllLines(test);
        Assert.Equal(original[0], a[0]);
        Assert.Equal(original[0], b[0]);
        Assert.Equal(10, b.Length - 1);   // ceil(0.25 · 40)
        Assert.Equal(original.Skip(1).Order(), a.Skip(1).Concat(b.Skip(1)).Order());
        Assert.Equal(5, b.Skip(1).Count(l => l.EndsWith(";a", StringComparison.Ordinal)));
    }

    [Fact]
    public void FitWithImputeDrop_ThenPredictKeepsTheIdAsWritten_AndRefusesEmptyCells()
    {
        string data = Messy(), model = Path.Combine(_folder, "model.json");
        var fit = Run("fit", "logistic", "--data", data, "--target", "label", "--exclude", "id", "--thousands", ",", "--impute", "drop", "--out", model);
        Assert.True(fit.Code == 0, fit.Error);
        Assert.Contains("(4 rows with empty cells dropped)", fit.Out);
        var predict = Run("predict", "--model", model, "--data", data, "--thousands", ",", "--keep", "id");
        Assert.Equal(2, predict.Code);
        Assert.Contains("line 6, column 2 'city': the cell is missing", predict.Error);
        File.WriteAllLines(Path.Combine(_folder, "new.csv"), ["id;city;income;signup", "\"R 7\";Paris;\"2,000.5\";2024-02-01"]);
        predict = Run("predict", "--model", model, "--data", Path.Combine(_folder, "new.csv"), "--thousands", ",", "--keep", "id");
        Assert.True(predict.Code == 0, predict.Error);
        Assert.StartsWith("id,prediction\nR 7,", predict.Out);
    }

    [Fact]
    public void Cv_Json_HasTheContractsKeys()
    {
        var result = Run("cv", "ridge", "--data", "diabetes", "--target", "progression", "--folds", "3", "--json");
        Assert.True(result.Code == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["scores", "mean", "std", "scoring"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.RootElement.GetProperty("scores").GetArrayLength());
        Assert.Equal("r2", json.RootElement.GetProperty("scoring").GetString());
    }
}
