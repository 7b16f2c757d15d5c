using System.Globalization;
using Descent.Cli;
using Descent.Data;
using Descent.Tests.Persistence.Onnx;

namespace Descent.Tests.Cli;

/// <summary>
/// <c>descent export --format onnx</c> for every model of the catalogue, with the preprocessing its fit options add:
/// ONNX Runtime, given the rows of a CSV file, returns what <c>descent predict</c> writes for that file — the same
/// labels, and numbers equal to float32 precision.
/// </summary>
public class ExportCommandTests
{
    public static TheoryData<string> Models() => new(FitPredictEvaluateTests.Cases.Keys);

    private static string Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        Assert.True(exit == 0, $"descent {string.Join(' ', args)}: exit {exit}\n{error}");
        return output.ToString();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void OnnxRuntime_PredictsWhatDescentPredictWrites(string model)
    {
        var c = FitPredictEvaluateTests.Cases[model];
        using var scratch = new ScratchDirectory();
        string Path(string name) => System.IO.Path.Combine(scratch.Path, name);
        Run(["fit", model, "--data", c.Dataset, "--target", c.Target, "--out", Path("model.json"), "--quiet", .. c.Options,
            .. c.Standardize ? ["--standardize"] : Array.Empty<string>(),
            .. c.Degree is int d ? ["--degree", d.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()]);
        string status = Run("export", "--model", Path("model.json"), "--format", "onnx", "--out", Path("model.onnx"));
        Assert.StartsWith($"wrote {Path("model.onnx")}: ONNX (opset 17) with input X float [N, ", status);

        // Rows that a float input holds exactly, written to a CSV for predict.
        var data = Datasets.Load(c.Dataset, new CsvReadOptions { Target = c.Target });
        var rows = OnnxRunner.RoundToFloat(data.Features);
        using (var writer = new StreamWriter(Path("rows.csv")))
            CsvWriter.Write(new Dataset(rows, data.FeatureNames), writer);
        bool classifier = Descent.Cli.Models.ModelCatalog.Find(model)!.IsClassifier;
        bool proba = classifier && model != "perceptron";
        var predicted = Run(["predict", "--model", Path("model.json"), "--data", Path("rows.csv"), .. proba ? ["--proba"] : Array.Empty<string>()])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(line => line.Split(','))
            .ToArray();

        var onnx = OnnxRunner.Run(File.ReadAllBytes(Path("model.onnx")), rows);
        Assert.Equal(rows.Rows, predicted.Length);
        for (int i = 0; i < rows.Rows; i++)
        {
            if (!classifier)
            {
                OnnxAgreement.AssertClose(double.Parse(predicted[i][0], CultureInfo.InvariantCulture), onnx.Values![i], $"label[{i}]");
                continue;
            }
            Assert.Equal(predicted[i][0], onnx.Labels![i]);
            for (int k = 1; k < predicted[i].Length; k++)
                OnnxAgreement.AssertClose(double.Parse(predicted[i][k], CultureInfo.InvariantCulture), onnx.Probabilities![i, k - 1],
                    $"probabilities[{i}, {k - 1}]");
        }
    }
}
