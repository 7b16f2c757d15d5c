using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// The options shared by the commands (<c>--data</c>, <c>--target</c>, <c>--features</c>, <c>--seed</c>,
/// <c>--threads</c>, <c>--out</c>) and factories for numeric options whose bad values become one clear parse error
/// ("--alpha must be >= 0, got -1"). Each call makes a new option, so each command owns its own.
/// </summary>
internal static class CommonOptions
{
    /// <summary>The name of the <c>--threads</c> option, which <see cref="CliApp"/> applies to every command that has it.</summary>
    public const string ThreadsName = "--threads";

    /// <summary><c>--data X</c>: a CSV file, or the name of an embedded dataset when no such file exists.</summary>
    public static Option<string> Data(bool required = true) => new("--data", "-d")
    {
        Description = "A CSV file with a header row, or the name of an embedded dataset (see 'descent datasets').",
        HelpName = "FILE|NAME",
        Required = required,
    };

    /// <summary><c>--target COL</c>: the target column.</summary>
    public static Option<string?> Target(string? extra = null) => new("--target", "-t")
    {
        Description = "The target column (numbers, or class labels kept as written)." + (extra is null ? "" : " " + extra),
        HelpName = "COL",
    };

    /// <summary><c>--features a,b,c</c>: feature columns (default: every column except the target).</summary>
    public static Option<string[]?> Features() => new("--features", "-f")
    {
        Description = "Comma-separated feature columns (default: every column except the target).",
        HelpName = "a,b,c",
        CustomParser = r => ParseNames(r, "--features"),
    };

    /// <summary><c>--seed N</c>: makes every random choice reproducible (default 0).</summary>
    public static Option<int> Seed() => Int("--seed", "Seed for every random choice; the same seed gives the same result.", 0);

    /// <summary><c>--threads N</c>: caps the threads used (default: all cores).</summary>
    public static Option<int?> Threads()
    {
        var option = new Option<int?>(ThreadsName)
        {
            Description = "Most threads to use (default: all cores, or the DESCENT_THREADS environment variable).",
            HelpName = "N",
        };
        option.CustomParser = result => ParseInt(result, ThreadsName, 1, 4096);
        return option;
    }

    /// <summary><c>--out FILE</c>: an output file, written atomically.</summary>
    public static Option<string> Out(string description, bool required = true) => new("--out", "-o")
    {
        Description = description,
        HelpName = "FILE",
        Required = required,
    };

    /// <summary>An integer option in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result => ParseInt(result, name, min, max) ?? defaultValue;
        return option;
    }

    /// <summary>A number option in [<paramref name="min"/>, <paramref name="max"/>] (bounds exclusive when asked) with a default.</summary>
    public static Option<double> Double(string name, string description, double defaultValue, double min = double.NegativeInfinity,
        double max = double.PositiveInfinity, bool minExclusive = false, bool maxExclusive = false)
    {
        var option = new Option<double>(name) { Description = description, HelpName = "X", DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                result.AddError($"{name} must be a number, got '{text}'.");
                return defaultValue;
            }
            bool tooLow = minExclusive ? value <= min : value < min;
            bool tooHigh = maxExclusive ? value >= max : value > max;
            if (tooLow || tooHigh)
                result.AddError($"{name} must be {Range(min, max, minExclusive, maxExclusive)}, got {text}.");
            return value;
        };
        return option;
    }

    private static int? ParseInt(ArgumentResult result, string name, int min, int max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            result.AddError($"{name} must be a whole number, got '{text}'.");
            return null;
        }
        if (value < min || value > max)
            result.AddError($"{name} must be {Range(min, max, false, false)}, got {value}.");
        return value;
    }

    /// <summary>A comma-separated list of column names for option <paramref name="name"/>; an empty name is a parse error.</summary>
    public static string[]? ParseNames(ArgumentResult result, string name)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        string[] names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
        {
            result.AddError($"{name} must be comma-separated column names, got '{text}' (an empty name).");
            return null;
        }
        return names;
    }

    private static string Range(double min, double max, bool minExclusive, bool maxExclusive)
    {
        string low = string.Create(CultureInfo.InvariantCulture, $"{(minExclusive ? ">" : ">=")} {min}");
        string high = string.Create(CultureInfo.InvariantCulture, $"{(maxExclusive ? "<" : "<=")} {max}");
        bool hasMin = !double.IsNegativeInfinity(min) && min != int.MinValue;
        bool hasMax = !double.IsPositiveInfinity(max) && max != int.MaxValue;
        return hasMin && hasMax ? $"{low} and {high}" : hasMin ? low : hasMax ? high : "a valid value";
    }
}
