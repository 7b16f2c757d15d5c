using System.Diagnostics;
using Descent.Data;
using Descent.Persistence;
using Descent.Persistence.Onnx;
using Descent.Trees;

namespace Descent.Tests.Persistence.Onnx;

/// <summary>
/// The ONNX project's own validator accepts every export: tests/reference/onnx_check.py runs Debian's onnx.checker
/// (full check, with strict shape inference) on each sample model. Skipped, with the reason, when /usr/bin/python3
/// or its onnx package (Debian's python3-onnx) is missing.
/// </summary>
public sealed class OnnxCheckerTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void OnnxChecker_AcceptsEverySampleExport()
    {
        Skip.IfNot(File.Exists(Python), $"{Python} is not installed (Debian's python3 with python3-onnx checks the exports).");
        string folder = Directory.CreateTempSubdirectory("descent-onnx-check-").FullName;
        try
        {
            var models = SampleModels.NumericNames.ToDictionary(n => n, SampleModels.Build);
            var iris = Datasets.Load("iris");
            models["forest-string-labels"] = new SavedModel(
                new RandomForestClassifier { TreeCount = 5 }.Fit(iris.Features, iris.RequireClassLabels()), iris.FeatureNames, iris.TargetName);
            var paths = new List<string>();
            foreach (var (name, model) in models)
            {
                string path = Path.Combine(folder, name + ".onnx");
                OnnxExport.Save(path, model);
                paths.Add(path);
            }
            var (exitCode, output) = Run(Path.Combine(AppContext.BaseDirectory, "reference", "onnx_check.py"), paths);
            Skip.If(output.Contains("No module named 'onnx'", StringComparison.Ordinal),
                "Debian's python3-onnx is not installed (apt-get install python3-onnx).");
            Assert.True(exitCode == 0, output);
            Assert.Equal(paths.Count, output.Split('\n').Count(line => line.Contains(": ok (IR 8", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
