using Descent.Cli;
using Descent.Persistence;

namespace Descent.Tests.Cli;

/// <summary>The progress bar path of <c>fit</c> (stderr a terminal) and its absence otherwise, run in-process.</summary>
public class FitProgressTests
{
    private static (int Exit, string Out, string Error, SavedModel? Model) Fit(bool errorIsTerminal)
    {
        string folder = Directory.CreateTempSubdirectory("descent-progress-").FullName;
        try
        {
            string path = Path.Combine(folder, "m.json");
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = CliApp.Run(["fit", "perceptron", "--data", "iris", "--target", "species", "--epochs", "30", "--out", path],
                output, error, errorIsTerminal: errorIsTerminal);
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
}
