using System.CommandLine;
using Descent.Cli;
using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;

namespace Descent.Tests.Cli;

/// <summary>In-process tests of the CLI framework: help text, option parsing, error classification, atomic files.</summary>
public class CliAppTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static IEnumerable<object[]> CommandPaths()
    {
        var root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, false, false));
        foreach (Command command in root.Subcommands)
        {
            yield return [command.Name];
            foreach (Command sub in command.Subcommands)
                yield return [$"{command.Name} {sub.Name}"];
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_OfEveryCommand_HasExamples(string path)
    {
        var (exit, output, error) = Run([.. path.Split(' '), "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output);
        Assert.Contains($"descent {path}", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void CommandCatalog_FindsEveryCommandClass()
    {
        var names = CommandCatalog.Discover().Select(c => c.GetType().Name).ToList();
        Assert.Equal(["DatasetsCommand", "DescribeCommand"], names.Where(n => n is "DatasetsCommand" or "DescribeCommand"));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static string ParseError(Option option, params string[] args)
    {
        var root = new RootCommand { option };
        ParseResult parse = root.Parse(args);
        Assert.NotEmpty(parse.Errors);
        return parse.Errors[0].Message;
    }

    [Fact]
    public void NumericOptions_GiveOneClearMessagePerMistake()
    {
        Assert.Equal("--seed must be a whole number, got 'abc'.", ParseError(CommonOptions.Seed(), "--seed", "abc"));
        Assert.Equal("--threads must be >= 1 and <= 4096, got 0.", ParseError(CommonOptions.Threads(), "--threads", "0"));
        Assert.Equal("--alpha must be >= 0, got -1.", ParseError(CommonOptions.Double("--alpha", "", 1.0, min: 0), "--alpha", "-1"));
        Assert.Equal("--l1-ratio must be >= 0 and <= 1, got 1.5.",
            ParseError(CommonOptions.Double("--l1-ratio", "", 0.5, 0, 1), "--l1-ratio", "1.5"));
        Assert.Equal("--c must be > 0, got 0.", ParseError(CommonOptions.Double("--c", "", 1.0, 0, minExclusive: true), "--c", "0"));
        Assert.Equal("--alpha must be a number, got 'nan'.", ParseError(CommonOptions.Double("--alpha", "", 1.0), "--alpha", "nan"));
        Assert.Equal("--max-depth must be >= 1, got 0.", ParseError(CommonOptions.Int("--max-depth", "", 5, min: 1), "--max-depth", "0"));
    }

    [Fact]
    public void NumericOptions_ParseInvariantCultureAndDefaults()
    {
        var alpha = CommonOptions.Double("--alpha", "", 1.0, min: 0);
        var seed = CommonOptions.Seed();
        var features = CommonOptions.Features();
        var root = new RootCommand { alpha, seed, features };
        ParseResult parse = root.Parse(["--alpha", "2.5e-1", "--features", "a, b ,c"]);
        Assert.Empty(parse.Errors);
        Assert.Equal(0.25, parse.GetValue(alpha));
        Assert.Equal(0, parse.GetValue(seed));
        Assert.Equal(["a", "b", "c"], parse.GetValue(features)!);
    }

    [Fact]
    public void OneLine_StripsRuntimeSuffixesAndLineBreaks()
    {
        var outOfRange = new ArgumentOutOfRangeException("Alpha", -1.0, "Ridge: Alpha must be >= 0, got -1.");
        Assert.Equal("Ridge: Alpha must be >= 0, got -1.", CliErrors.OneLine(outOfRange));
        var multiLine = new DescentDataException("Ridge.Fit: X contains NaN at row 17\n  (and 4 more).");
        Assert.Equal("Ridge.Fit: X contains NaN at row 17 (and 4 more).", CliErrors.OneLine(multiLine));
    }

    [Fact]
    public void IsBadInput_SeparatesUserMistakesFromBugs()
    {
        Assert.True(CliErrors.IsBadInput(new DescentDataException("x")));
        Assert.True(CliErrors.IsBadInput(new ArgumentOutOfRangeException("alpha")));
        Assert.True(CliErrors.IsBadInput(new FileNotFoundException("x")));
        Assert.True(CliErrors.IsBadInput(new CliUsageException("x")));
        Assert.False(CliErrors.IsBadInput(new ArgumentNullException("x")));
        Assert.False(CliErrors.IsBadInput(new InvalidOperationException("x")));
        Assert.False(CliErrors.IsBadInput(new NullReferenceException()));
        Assert.False(CliErrors.IsBadInput(new IndexOutOfRangeException()));
    }

    [Fact]
    public void ParseErrors_GiveOneLinePointingToHelp()
    {
        var (exit, output, error) = Run("datasets", "export", "iris");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("error: Option '--out' is required. (see 'descent datasets export --help')" + Environment.NewLine, error);
    }

    [Fact]
    public void AtomicFile_LeavesTheOldFileWhenWritingFails_AndNoTemporaryFile()
    {
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "model.json");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write("half a model");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(scratch.Path));

        AtomicFile.WriteText(path, writer => writer.Write("new"));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(scratch.Path));
    }

    [Fact]
    public void OutputPath_RejectsMissingDirectoriesAndDirectories()
    {
        using var scratch = new ScratchDirectory();
        var error = Assert.Throws<CliUsageException>(() => OutputPath.Check(Path.Combine(scratch.Path, "no", "x.csv")));
        Assert.Contains("does not exist", error.Message);
        error = Assert.Throws<CliUsageException>(() => OutputPath.Check(scratch.Path));
        Assert.Contains("is a directory", error.Message);
    }

    [Theory]
    [InlineData("logistic", false, "warning: logistic did not converge in 2 iterations; raise --max-iter, or add --standardize.")]
    [InlineData("logistic", true, "warning: logistic did not converge in 2 iterations; raise --max-iter.")]
    [InlineData("softmax", true, "warning: softmax did not converge in 2 iterations; raise --max-iter.")]   // not --epochs, which softmax refuses
    public void Fit_WhenTheSolverStopsEarly_WarnsWithTheModelsOwnOption_AndSuggestsStandardizingOnlyWhenNotDone(string model, bool standardize, string expected)
    {
        using var scratch = new ScratchDirectory();
        string[] args = ["fit", model, "--data", "breast_cancer", "--target", "malignant", "--max-iter", "2",
            "--out", Path.Combine(scratch.Path, "model.json")];
        var (exit, _, error) = Run(standardize ? [.. args, "--standardize"] : args);
        Assert.Equal(0, exit);
        Assert.Equal(expected, error.Trim());
    }

    [Fact]
    public void FitHelp_ListsEachModelOnOneLine_WithTheExamplesOnce_AndTreesAreNotToldToStandardize()
    {
        var (exit, output, _) = Run("fit", "--help");
        Assert.Equal(0, exit);
        Assert.Single(output.Split('\n'), line => line.Contains("Examples:", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), line => line.TrimStart().StartsWith("tree-classifier ", StringComparison.Ordinal));

        var (_, tree, _) = Run("fit", "tree-classifier", "--help");
        int examples = tree.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > 0, tree);
        Assert.DoesNotContain("--standardize", tree[examples..].Split("\n\n")[0]);
    }

    [Fact]
    public void Fit_WithAnExplicitTolerance_HonoursIt()
    {
        // scikit-learn's stopping rule ended this fit after ~99 iterations with max|∇f| ≈ 2e-3 and "converged": now
        // --tol given is --tol met (L-BFGS finished by Newton steps), and the model says so.
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "model.json");
        var (exit, _, error) = Run(["fit", "logistic", "--data", "iris", "--target", "species", "--tol", "1e-10", "--max-iter", "10000",
            "--out", path]);
        Assert.Equal(0, exit);
        Assert.Equal("", error.Trim());
        var model = (Descent.Linear.LogisticRegressionModel)Descent.Persistence.ModelFile.Load(path).Model;
        Assert.True(model.Converged);
        var data = Descent.Data.Datasets.Load("iris");
        var y = data.RequireClassLabels();
        var loss = new Descent.Linear.MultinomialLogisticLoss(data.Features, y.Indices.ToArray(), 3, 1.0, 1.0, fitIntercept: true);
        var theta = model.Coefficients.ToArray().Concat(model.Intercepts).ToArray();
        var gradient = new double[theta.Length];
        loss.ValueAndGradient(theta, gradient);
        Assert.True(Descent.Optimization.Lbfgs.MaxAbs(gradient) <= 1e-8, $"max|∇f| = {Descent.Optimization.Lbfgs.MaxAbs(gradient):E2}");
    }

    [Fact]
    public void Fit_WhenTheLineSearchFailsBeforeTheTolerance_SaysWhy()
    {
        using var scratch = new ScratchDirectory();
        var (exit, _, error) = Run(["fit", "logistic", "--data", "iris", "--target", "species", "--tol", "1e-300", "--max-iter", "10000",
            "--out", Path.Combine(scratch.Path, "model.json")]);
        Assert.Equal(0, exit);
        Assert.StartsWith("warning: logistic stopped after ", error.Trim());
        Assert.Contains("before meeting --tol: its line search found no better point", error);
    }

    [Fact]
    public void Describe_EscapesControlCharactersOfColumnNames()
    {
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "escape.csv");
        File.WriteAllText(path, "a\u001b[31mred,y\n1,2\n3,4\n");
        var (exit, output, _) = Run(["describe", "--data", path, "--target", "y"]);
        Assert.Equal(0, exit);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("a\\x1B[31mred", output);
        Assert.Contains("2 rows × 1 feature, target 'y'", output);
    }
}
