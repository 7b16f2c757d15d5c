using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Trees;

namespace Descent.Cli.Models;

/// <summary>
/// Factories for the model options of <see cref="ModelCatalog"/> beyond <see cref="CommonOptions"/>' numbers: a
/// choice among words, an optional whole number, a true/false switch and <c>--max-features</c>. A bad value is one
/// parse error naming the option, the valid values and what was given.
/// </summary>
internal static class ModelOptions
{
    /// <summary>An option taking one of <paramref name="choices"/> (the first is the default).</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} ({string.Join('|', choices)}).",
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => choices[0],
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Array.IndexOf(choices, text) >= 0)
                return text;
            result.AddError($"{name} must be one of {string.Join(", ", choices)}; got '{text}'.");
            return choices[0];
        };
        return option;
    }

    /// <summary>A whole number ≥ <paramref name="min"/> that may be left out (no limit).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min)
    {
        var option = new Option<int?>(name) { Description = description, HelpName = "N" };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                result.AddError($"{name} must be a whole number, got '{text}'.");
                return null;
            }
            if (value < min)
                result.AddError($"{name} must be >= {min}, got {value}.");
            return value;
        };
        return option;
    }

    /// <summary>A switch: <c>--name</c> or <c>--name true</c> is true, <c>--name false</c> false; absent is <paramref name="defaultValue"/>.</summary>
    public static Option<bool> Bool(string name, string description, bool defaultValue)
    {
        var option = new Option<bool>(name)
        {
            Description = description,
            HelpName = "true|false",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return true;
            string text = result.Tokens[0].Value;
            if (bool.TryParse(text, out bool value))
                return value;
            result.AddError($"{name} must be true or false, got '{text}'.");
            return defaultValue;
        };
        return option;
    }

    /// <summary><c>--max-features</c>: all, sqrt, log2, a count ≥ 1 or a fraction in (0, 1].</summary>
    public static Option<MaxFeatures> MaxFeaturesOption(MaxFeatures defaultValue)
    {
        const string name = "--max-features";
        var option = new Option<MaxFeatures>(name)
        {
            Description = "Features searched at each split: all, sqrt, log2, a count N, or a fraction such as 0.5.",
            HelpName = "all|sqrt|log2|N|F",
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            try
            {
                MaxFeatures value = MaxFeatures.Parse(text);
                value.Resolve(int.MaxValue / 2, name);   // a count >= 1 or a fraction in (0, 1]
                return value;
            }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
            {
                result.AddError($"{name} must be all, sqrt, log2, a whole number >= 1 or a fraction in (0, 1]; got '{text}'.");
                return defaultValue;
            }
        };
        return option;
    }

    /// <summary>True when <paramref name="option"/> was written on the command line (not its default).</summary>
    public static bool WasGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Refuses options that only the named solver(s) use when another solver was chosen.</summary>
    /// <exception cref="CliUsageException">One of <paramref name="options"/> was given.</exception>
    public static void OnlyFor(ParseResult parse, string condition, params Option[] options)
    {
        foreach (Option option in options)
            if (WasGiven(parse, option))
                throw new CliUsageException($"{option.Name} is used only {condition}; drop it or choose that solver.");
    }
}
