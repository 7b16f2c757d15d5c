using System.CommandLine;
using System.CommandLine.Parsing;
using Descent.Data;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// The "Real-world tables" options of the CLI contract: <c>--exclude</c>, <c>--categorical</c>, <c>--impute</c>,
/// <c>--delimiter</c>, <c>--decimal</c>, <c>--thousands</c> (fit, report, describe, cv), of which predict and evaluate
/// take only the separators. Each command makes its own instance.
/// </summary>
internal sealed class TableOptions
{
    /// <summary>What <c>--impute</c> does with an empty feature cell.</summary>
    public enum Impute
    {
        None,
        Mean,
        Median,
        MostFrequent,
        Drop,
    }

    private TableOptions(bool separatorsOnly)
    {
        Delimiter = new Option<char?>("--delimiter")
        {
            Description = "The field separator (default: detected from the header among , ; tab |). Write tab as 'tab' or '\\t'.",
            HelpName = "C",
            CustomParser = ParseDelimiter,
        };
        Decimal = new Option<char>("--decimal")
        {
            Description = "The decimal separator, . (default) or , (then the default delimiter is ;).",
            HelpName = ".|,",
            DefaultValueFactory = _ => '.',
            CustomParser = r => ParseChar(r, "--decimal", ".,") ?? '.',
        };
        Thousands = new Option<char?>("--thousands")
        {
            Description = "A thousands separator inside numbers (\"41,522.72\" with --thousands ,). Default: none.",
            HelpName = "C",
            CustomParser = r => ParseChar(r, "--thousands", ",. '_"),
        };
        if (separatorsOnly)
            return;
        Exclude = new Option<string[]?>("--exclude")
        {
            Description = "Comma-separated columns to leave out of the features (the complement of --features).",
            HelpName = "a,b",
            CustomParser = r => CommonOptions.ParseNames(r, "--exclude"),
        };
        Categorical = new Option<string[]?>("--categorical")
        {
            Description = "Which feature columns are categories, one-hot encoded: auto (default: columns without numbers), none, or a,b.",
            HelpName = "auto|none|a,b",
            CustomParser = r => r.Tokens.Count > 0 && r.Tokens[0].Value == "auto" ? null
                : r.Tokens.Count > 0 && r.Tokens[0].Value == "none" ? [] : CommonOptions.ParseNames(r, "--categorical"),
        };
        ImputeOption = new Option<Impute>("--impute")
        {
            Description = "What an empty feature cell (or NA, NaN, null, ?) becomes: none (an error, default), mean, median, " +
                "most-frequent (categories: always the most frequent), or drop (the row is left out of training).",
            HelpName = "none|mean|median|most-frequent|drop",
            DefaultValueFactory = _ => Impute.None,
            CustomParser = ParseImpute,
        };
    }

    /// <summary>All six options (fit, report, describe, cv).</summary>
    public static TableOptions All() => new(false);

    /// <summary>The separators only (predict, evaluate).</summary>
    public static TableOptions Separators() => new(true);

    public Option<char?> Delimiter { get; }

    public Option<char> Decimal { get; }

    public Option<char?> Thousands { get; }

    public Option<string[]?>? Exclude { get; }

    public Option<string[]?>? Categorical { get; }

    public Option<Impute>? ImputeOption { get; }

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> Options =>
        new Option?[] { Exclude, Categorical, ImputeOption, Delimiter, Decimal, Thousands }.OfType<Option>();

    /// <summary>The chosen imputation (none when the command has no <c>--impute</c>).</summary>
    public Impute ImputeChoice(ParseResult parse) => ImputeOption is null ? Impute.None : parse.GetValue(ImputeOption);

    /// <summary>How to read the data: these options, the target and <c>--features</c>; issues collected for the CLI's own messages.</summary>
    /// <exception cref="CliUsageException">Both --features and --exclude.</exception>
    public TableReadOptions ReadOptions(ParseResult parse, string? target, IReadOnlyList<string>? features,
        IReadOnlyList<string>? categorical = null)
    {
        string[]? exclude = Given(parse, Exclude) ? parse.GetValue(Exclude!) : null;
        if (features is { Count: > 0 } && exclude is not null)
            throw new CliUsageException("--features and --exclude both choose the feature columns; give one of them.");
        return new TableReadOptions
        {
            Target = target,
            Features = features is { Count: > 0 } ? features : null,
            Exclude = exclude,
            Delimiter = parse.GetValue(Delimiter),
            Decimal = parse.GetValue(Decimal),
            Thousands = parse.GetValue(Thousands),
            CategoricalColumns = categorical ?? (Given(parse, Categorical) ? parse.GetValue(Categorical!) : null),
            CollectIssues = true,
        };
    }

    /// <summary>True when <paramref name="option"/> exists and was written on the command line (an absent list reads as empty, not null).</summary>
    private static bool Given(ParseResult parse, Option? option) => option is not null && parse.GetResult(option) is { Implicit: false };

    private static char? ParseDelimiter(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (text is "tab" or "\\t" or "\t")
            return '\t';
        if (text.Length == 1 && text[0] is not ('"' or '\n' or '\r'))
            return text[0];
        result.AddError($"--delimiter must be one character (or 'tab'), got '{text}'.");
        return null;
    }

    private static char? ParseChar(ArgumentResult result, string name, string allowed)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (text.Length == 1 && allowed.Contains(text[0]))
            return text[0];
        result.AddError($"{name} must be one of {string.Join(" ", allowed.Select(c => c == ' ' ? "' '" : c.ToString()))}; got '{text}'.");
        return null;
    }

    private static Impute ParseImpute(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text)
        {
            case "none": return Impute.None;
            case "mean": return Impute.Mean;
            case "median": return Impute.Median;
            case "most-frequent": return Impute.MostFrequent;
            case "drop": return Impute.Drop;
            default:
                result.AddError($"--impute must be one of none, mean, median, most-frequent, drop; got '{text}'.");
                return Impute.None;
        }
    }
}
