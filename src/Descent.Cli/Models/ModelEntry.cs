using System.CommandLine;

namespace Descent.Cli.Models;

/// <summary>
/// One MODEL of the command line (<c>descent fit ridge</c>): its name, whether it is a classifier, a one-line
/// description, whether its fit is iterative (worth a progress bar) and <see cref="Bind"/>, which makes fresh
/// options for one command and the function that turns their parsed values into the configured estimator.
/// </summary>
internal sealed record ModelEntry(string Name, bool IsClassifier, bool IsIterative, string Description, Func<ModelBinding> Bind)
{
    /// <summary>A tree or forest: splits on thresholds, so scaling its features (--standardize) changes nothing.</summary>
    public bool IsTree => Name.StartsWith("tree-", StringComparison.Ordinal) || Name.StartsWith("forest-", StringComparison.Ordinal);
}

/// <summary>A model's options on one command, and how a parse result (plus <c>--seed</c>) configures the estimator.</summary>
internal sealed class ModelBinding
{
    private readonly Func<ParseResult, int, Estimator> _create;

    public ModelBinding(IReadOnlyList<Option> options, Func<ParseResult, int, Estimator> create)
    {
        Options = options;
        _create = create;
    }

    /// <summary>The model's own options (add them to the command).</summary>
    public IReadOnlyList<Option> Options { get; }

    /// <summary>The estimator configured by the parsed options and <paramref name="seed"/>.</summary>
    /// <exception cref="Infrastructure.CliUsageException">An option combination that makes no sense.</exception>
    public Estimator Create(ParseResult parse, int seed) => _create(parse, seed);
}
