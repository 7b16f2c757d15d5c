using System.CommandLine;
using Descent.Cli;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;

namespace Descent.Tests.Cli;

/// <summary>The MODEL table of docs/CLI.md: every model, each with the options and defaults written there.</summary>
public class ModelCatalogTests
{
    private static readonly string[] Tree = ["--criterion", "--max-depth", "--min-samples-split", "--min-samples-leaf", "--max-features"];

    public static TheoryData<string, string[]> ContractOptions() => new()
    {
        { "linear", ["--solver", "--learning-rate", "--epochs", "--batch-size", "--tol"] },
        { "ridge", ["--alpha"] },
        { "lasso", ["--alpha", "--max-iter", "--tol"] },
        { "elasticnet", ["--alpha", "--l1-ratio", "--max-iter", "--tol"] },
        { "logistic", ["--penalty", "--c", "--solver", "--max-iter", "--tol", "--learning-rate", "--batch-size"] },
        { "softmax", ["--penalty", "--c", "--solver", "--max-iter", "--tol", "--learning-rate", "--batch-size"] },
        { "perceptron", ["--epochs", "--learning-rate", "--tol"] },
        { "tree-classifier", Tree },
        { "tree-regressor", Tree },
        { "forest-classifier", ["--n-estimators", .. Tree, "--bootstrap"] },
        { "forest-regressor", ["--n-estimators", .. Tree, "--bootstrap"] },
        { "mlp-classifier", Mlp },
        { "mlp-regressor", Mlp },
    };

    private static readonly string[] Mlp = ["--hidden", "--activation", "--optimizer", "--learning-rate", "--batch-size", "--epochs", "--alpha",
        "--early-stopping", "--validation-fraction", "--tol"];

    [Theory]
    [MemberData(nameof(ContractOptions))]
    public void FitSubcommand_HasTheContractsOptions(string model, string[] options)
    {
        var root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, false, false));
        Command fit = root.Subcommands.Single(c => c.Name == "fit");
        Command command = fit.Subcommands.Single(c => c.Name == model);
        var names = command.Options.Select(o => o.Name).ToHashSet();
        Assert.Equal(options.Concat(["--data", "--target", "--out", "--features", "--standardize", "--degree", "--seed", "--threads",
            "--exclude", "--categorical", "--impute", "--delimiter", "--decimal", "--thousands"]).Order(),
            names.Order());
        Assert.Equal(names.Count, command.Options.Count);
    }

    [Fact]
    public void Catalogue_HasEveryModelOfTheContract()
    {
        Assert.Equal(ContractOptions().Select(row => (string)row[0]), ModelCatalog.All.Select(e => e.Name));
    }

    [Theory]
    [InlineData("ridge", "--alpha", 1.0)]
    [InlineData("elasticnet", "--l1-ratio", 0.5)]
    [InlineData("lasso", "--tol", 1e-4)]
    [InlineData("logistic", "--c", 1.0)]
    [InlineData("perceptron", "--learning-rate", 1.0)]
    [InlineData("perceptron", "--tol", 1e-3)]
    [InlineData("linear", "--learning-rate", 0.01)]
    [InlineData("mlp-classifier", "--learning-rate", 0.001)]
    [InlineData("mlp-classifier", "--alpha", 0.0001)]
    [InlineData("mlp-regressor", "--validation-fraction", 0.1)]
    public void NumericDefaults_AreTheContracts(string model, string option, double expected)
    {
        var binding = ModelCatalog.Find(model)!.Bind();
        var typed = (Option<double>)binding.Options.Single(o => o.Name == option);
        var parse = new RootCommand { typed }.Parse([]);
        Assert.Equal(expected, parse.GetValue(typed));
    }

    [Theory]
    [InlineData("lasso", "--max-iter", 1000)]
    [InlineData("logistic", "--max-iter", 100)]
    [InlineData("linear", "--epochs", 1000)]
    [InlineData("linear", "--batch-size", 32)]
    [InlineData("perceptron", "--epochs", 1000)]
    [InlineData("forest-classifier", "--n-estimators", 100)]
    [InlineData("tree-classifier", "--min-samples-split", 2)]
    [InlineData("tree-classifier", "--min-samples-leaf", 1)]
    [InlineData("mlp-classifier", "--epochs", 200)]
    public void IntegerDefaults_AreTheContracts(string model, string option, int expected)
    {
        var binding = ModelCatalog.Find(model)!.Bind();
        var typed = (Option<int>)binding.Options.Single(o => o.Name == option);
        var parse = new RootCommand { typed }.Parse([]);
        Assert.Equal(expected, parse.GetValue(typed));
    }
}
