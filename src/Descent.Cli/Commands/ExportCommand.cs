using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Persistence;
using Descent.Persistence.Onnx;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent export --model MODEL.json --format onnx --out MODEL.onnx</c>: the fitted model with its preprocessing as
/// one ONNX graph (<see cref="OnnxExport"/>): input <c>X</c>, float [N, F] in the order of the model's feature names;
/// outputs <c>label</c> and, for classifiers, <c>probabilities</c> (the perceptron: <c>scores</c>).
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var model = PredictCommand.ModelFile();
        var format = ModelOptions.Choice("--format", "The format to write", "onnx");
        var output = CommonOptions.Out("The file to write (replaced atomically if it exists).");
        var command = new Command("export",
            "Export a saved model with its preprocessing (scaling, polynomial features) as an ONNX graph (opset 17; " +
            "ai.onnx.ml for trees), for any ONNX runtime. The graph takes one input X, float [N, F], holding the feature " +
            "columns in the order the model lists them, and gives 'label' (the prediction, or the class label: int64 " +
            "when every label is an integer, else a string) and, for classifiers, 'probabilities' float [N, K] in the " +
            "model's class order (a perceptron gives 'scores', its decision function, instead). ONNX Runtime's " +
            "predictions equal 'descent predict's to float32 precision.\n\nExamples:\n" +
            "  descent export --model iris.json --format onnx --out iris.onnx\n" +
            "  descent export --model truck.json --out truck.onnx")
        {
            model, format, output,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            OutputPath.Check(path);
            string modelPath = parse.GetValue(model)!;
            SavedModel saved = ModelInput.LoadModel(modelPath);
            try
            {
                OnnxExport.Save(path, saved);
            }
            catch (NotSupportedException e)
            {
                throw new CliUsageException($"cannot export '{modelPath}' as ONNX: {e.Message}");
            }
            context.Status(parse, $"wrote {path}: ONNX (opset {OnnxExport.Opset}) with input X float [N, {saved.FeatureNames.Count}] " +
                                  $"= {Columns(saved.FeatureNames)}");
            return 0;
        });
        return command;
    }

    /// <summary>The column names in order, the first few only when there are many (784 pixels).</summary>
    private static string Columns(IReadOnlyList<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(6)) + $", … ({names.Count - 6} more)";
}
