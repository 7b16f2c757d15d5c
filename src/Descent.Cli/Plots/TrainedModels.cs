using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Data;
using Descent.Preprocessing;

namespace Descent.Cli.Plots;

/// <summary>
/// The training side of the plot kinds that fit models (learning and validation curves): the MODEL argument, its
/// options (any option of <c>descent fit MODEL</c>, passed after it and parsed by the catalogue's own binding),
/// <c>--data/--target/--features</c>, <c>--degree/--standardize</c> and <c>--seed</c>.
/// </summary>
internal sealed class TrainedModels
{
    private readonly Option<string> _data = CommonOptions.Data();
    private readonly Option<string?> _target = CommonOptions.Target();
    private readonly Option<string[]?> _features = CommonOptions.Features();
    private readonly PreprocessingOptions _preprocessing = new();
    private readonly Option<int> _seed = CommonOptions.Seed();
    private readonly Option<int> _folds = CommonOptions.Int("--folds", "Cross-validation folds.", 5, min: 2, max: 100);

    /// <summary>The options to add to the kind's command.</summary>
    public IReadOnlyList<Option> Options => [_data, _target, _features, .. _preprocessing.Options, _seed, _folds];

    /// <summary>The MODEL argument: a name of the catalogue, optional.</summary>
    public static Argument<string?> ModelArgument() => new("MODEL")
    {
        Description = "The model to train (" + string.Join(", ", ModelCatalog.All.Select(e => e.Name)) +
            "), followed by its options as for 'descent fit MODEL'. Default: see the kind's description.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The loaded data.</summary>
    public Dataset LoadData(ParseResult parse) => DataSource.Load(parse.GetValue(_data)!, parse.GetValue(_target), parse.GetValue(_features));

    /// <summary>The seed.</summary>
    public int Seed(ParseResult parse) => parse.GetValue(_seed);

    /// <summary>The number of folds.</summary>
    public int Folds(ParseResult parse) => parse.GetValue(_folds);

    /// <summary>The preprocessing pipeline chosen by --degree (or <paramref name="degree"/>) and --standardize.</summary>
    public Pipeline Preprocessing(ParseResult parse, int featureCount, int? degree = null)
    {
        var pipeline = _preprocessing.Build(parse, featureCount);
        if (degree is null)
            return pipeline;
        var steps = new List<ITransformer<IFittedTransformer>> { new PolynomialFeatures { Degree = degree.Value, IncludeBias = false } };
        steps.AddRange(pipeline.Steps.Where(s => s is not PolynomialFeatures));
        return new Pipeline([.. steps]);
    }

    /// <summary>True when --degree was given.</summary>
    public bool HasDegree(ParseResult parse) => parse.GetValue(_preprocessing.Degree) is not null;

    /// <summary>The MODEL named on the command line, or <paramref name="defaultName"/>.</summary>
    /// <exception cref="CliUsageException">An unknown name.</exception>
    public static ModelEntry Entry(ParseResult parse, string defaultName)
    {
        string name = parse.GetValue((Argument<string?>)parse.CommandResult.Command.Arguments[0]) ?? defaultName;
        string kinds = string.Join(", ", ModelCatalog.All.Select(e => e.Name));
        if (name == "--model")
            throw new CliUsageException(
                $"plot {parse.CommandResult.Command.Name} fits the model itself on every training set, so it takes a MODEL " +
                $"kind and its options (e.g. 'ridge --alpha 0.5'), not --model; choose one of {kinds}.");
        return ModelCatalog.Find(name)
            ?? throw new CliUsageException($"unknown MODEL '{name}'; choose one of {kinds}.");
    }

    /// <summary>
    /// The estimator of <paramref name="entry"/> configured by the model options left on the command line, plus
    /// <paramref name="extra"/> (e.g. <c>--alpha 0.1</c> for one point of a validation curve).
    /// </summary>
    /// <exception cref="CliUsageException">An option the model does not have, or a bad value.</exception>
    public Estimator Create(ParseResult parse, ModelEntry entry, params string[] extra)
    {
        ModelBinding binding = entry.Bind();
        var command = new Command(entry.Name);
        foreach (Option option in binding.Options)
            command.Add(option);
        ParseResult modelParse = command.Parse([.. parse.UnmatchedTokens, .. extra]);
        if (modelParse.Errors.Count > 0)
        {
            string message = modelParse.Errors[0].Message;
            throw new CliUsageException(modelParse.UnmatchedTokens.Count > 0
                ? $"'{modelParse.UnmatchedTokens[0]}' is not an option of this plot or of MODEL {entry.Name}; see 'descent fit {entry.Name} --help'."
                : message);
        }
        return binding.Create(modelParse, Seed(parse));
    }

    /// <summary>True when the MODEL <paramref name="entry"/> has the option <c>--<paramref name="name"/></c>.</summary>
    public static bool HasOption(ModelEntry entry, string name) => entry.Bind().Options.Any(o => o.Name == "--" + name);

    /// <summary>A comma-separated list of numbers option.</summary>
    public static Option<double[]?> NumberList(string name, string description, string helpName = "a,b,c") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseNumbers(result, name),
    };

    /// <summary>The numbers given to <paramref name="option"/>, or null when it was not given.</summary>
    public static double[]? Numbers(ParseResult parse, Option<double[]?> option) => parse.GetValue(option) is { Length: > 0 } values ? values : null;

    private static double[]? ParseNumbers(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
            return null;
        string text = result.Tokens[0].Value;
        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                result.AddError($"{name} must be comma-separated numbers, got '{text}'.");
                return null;
            }
            values.Add(value);
        }
        return [.. values];
    }
}
