using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Data;
using Descent.Preprocessing;

namespace Descent.Cli.Plots;

/// <summary>
/// <c>--param NAME --values a,b,c</c> of the plot kinds that train a MODEL once per value of one hyper-parameter
/// (validation curve, bias–variance): the polynomial <c>degree</c> of the preprocessing, or any numeric option of
/// MODEL. Resolves MODEL's default for the parameter, checks that the parameter exists, and builds, per value, the
/// estimator and the preprocessing pipeline to refit.
/// </summary>
internal sealed class ParameterSweep(bool required, string? defaultName = null)
{
    /// <summary>The option naming the hyper-parameter.</summary>
    public Option<string?> Param { get; } = new("--param")
    {
        Description = "The hyper-parameter to vary: degree, or a numeric option of MODEL without its dashes (alpha, max-depth, ...)." +
            (defaultName is null ? "" : $" Default: {defaultName}."),
        HelpName = "NAME",
        Required = required,
    };

    /// <summary>The values to try.</summary>
    public Option<double[]?> Values { get; } = TrainedModels.NumberList("--values", "The values to try (default: see above).");

    /// <summary>Both options.</summary>
    public IEnumerable<Option> Options => [Param, Values];

    /// <summary>One point of the sweep: the value, the estimator and the preprocessing to refit for it.</summary>
    public sealed record Point(double Value, Estimator Estimator, Pipeline Preprocessing);

    /// <summary>The MODEL, the parameter's name (without dashes) and one point per value.</summary>
    /// <exception cref="CliUsageException">An unknown parameter, --degree with --param degree, or bad values.</exception>
    public (ModelEntry Entry, string Name, IReadOnlyList<Point> Points) Resolve(ParseResult parse, TrainedModels trained, Dataset data)
    {
        string name = (parse.GetValue(Param) ?? defaultName!).TrimStart('-');
        ModelEntry entry = TrainedModels.Entry(parse, name switch
        {
            "alpha" => "ridge",
            "max-depth" => TrainingPlots.DefaultModel(data, "tree-regressor", "tree-classifier"),
            "c" => "logistic",
            _ => TrainingPlots.DefaultModel(data, "linear", "logistic"),
        });
        bool isDegree = name == "degree";
        if (isDegree && trained.HasDegree(parse))
            throw new CliUsageException("--param degree varies the polynomial degree; drop --degree.");
        if (!isDegree && !TrainedModels.HasOption(entry, name))
            throw new CliUsageException(
                $"--param '{name}' is not an option of MODEL {entry.Name}; use degree or one of its options (see 'descent fit {entry.Name} --help').");
        double[] grid = TrainedModels.Numbers(parse, Values) ?? DefaultValues(name);
        var points = grid.Select(value => new Point(value,
            isDegree ? trained.Create(parse, entry) : trained.Create(parse, entry, "--" + name, value.ToString("R", CultureInfo.InvariantCulture)),
            trained.Preprocessing(parse, data.FeatureCount, isDegree ? CountOf(value, "--values") : null))).ToArray();
        return (entry, name, points);
    }

    private static double[] DefaultValues(string name) => name switch
    {
        "alpha" or "c" => [1e-3, 1e-2, 1e-1, 1, 10, 100, 1000],
        "learning-rate" => [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3],
        "degree" or "max-depth" => Enumerable.Range(1, 10).Select(d => (double)d).ToArray(),
        _ => throw new CliUsageException($"--param {name} has no default grid; give --values a,b,c."),
    };

    /// <summary>A value that must be a whole number ≥ 1 (a degree, a size).</summary>
    public static int CountOf(double value, string option) =>
        value >= 1 && value == Math.Floor(value) && value <= int.MaxValue
            ? (int)value
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must hold whole numbers >= 1 here, got {value}."));
}
