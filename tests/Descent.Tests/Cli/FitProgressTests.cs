using Descent.Cli;
using Descent.Persistence;

namespace Descent.Tests.Cli;

/// <summary>The progress bar path of <c>fit</c> (stderr a terminal) and its absence otherwise, run in-process.</summary>
public class FitProgressTests
{
    private static (int Exit, string Out, string Error, SavedModel? Model) Fit(bool errorIsTerminal) =>
        Fit(errorIsTerminal, ["fit", "perceptron", "--data", "iris", "--target", "species", "--epochs", "30"]);

    private static (int Exit, string Out, string Error, SavedModel? Model) Fit(bool errorIsTerminal, string[] arguments)
    {
        string folder = Directory.CreateTempSubdirectory("descent-progress-").FullName;
        try
        {
            string path = Path.Combine(folder, "m.json");
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = CliApp.Run([.. arguments, "--out", path], output, error, errorIsTerminal: errorIsTerminal);
            return (exit, output.ToString(), error.ToString(), File.Exists(path) ? ModelFile.Load(path) : null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Fit_WithATerminal_DrawsALiveDisplayOnStderr_AndSavesTheSameModel()
    {
        var quiet = Fit(errorIsTerminal: false);
        var drawn = Fit(errorIsTerminal: true);
        Assert.Equal(0, quiet.Exit);
        Assert.Equal(0, drawn.Exit);
        Assert.DoesNotContain("\u001b", quiet.Error);   // nothing decorative without a terminal
        Assert.Contains("\u001b[?25l", drawn.Error);    // a live display (cursor hidden while the bar is drawn)
        Assert.Contains("perceptron on iris.csv: 150 rows × 4 features, target 'species'", drawn.Out);
        Assert.Equal(ModelFile.ToJson(quiet.Model!), ModelFile.ToJson(drawn.Model!));
    }

    [Fact]
    public void FitMlp_WithATerminal_ReportsEveryEpochWithItsValidationScore()
    {
        var drawn = Fit(errorIsTerminal: true, ["fit", "mlp-classifier", "--data", "iris", "--target", "species", "--standardize", "--hidden", "4",
            "--epochs", "12", "--early-stopping", "--seed", "1"]);
        Assert.Equal(0, drawn.Exit);
        Assert.Contains("\u001b[?25l", drawn.Error);
        var model = (Descent.NeuralNetworks.MlpClassifierModel)drawn.Model!.Model;
        Assert.Equal(12, model.History.ValidationScores.Count);
    }

    [Fact]
    public void TheBarsText_NamesTheEpoch_TheCost_AndTheValidationScore()
    {
        Assert.Equal("fit mlp-classifier  12/200  cost 0.31416  validation 0.9667",
            Descent.Cli.Infrastructure.FitProgressBar.Describe("fit mlp-classifier", new FitProgress(12, 200, 0.314159, 0.96666)));
        Assert.Equal("fit lasso  3  cost 2.5", Descent.Cli.Infrastructure.FitProgressBar.Describe("fit lasso", new FitProgress(3, null, 2.5)));
    }
}
