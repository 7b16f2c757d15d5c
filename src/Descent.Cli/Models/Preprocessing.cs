using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Preprocessing;

namespace Descent.Cli.Models;

/// <summary>
/// <c>--degree D</c> (polynomial features: every monomial up to degree D, no bias column, scikit-learn's order) and
/// <c>--standardize</c> (mean 0, population standard deviation 1), applied in that order and saved with the model.
/// </summary>
internal sealed class PreprocessingOptions
{
    /// <summary>The most columns <c>--degree</c> may create.</summary>
    private const double MaxPolynomialColumns = 100_000;

    public Option<bool> Standardize { get; } = new("--standardize")
    {
        Description = "Scale every feature to mean 0 and standard deviation 1 (after --degree); saved and reapplied at predict.",
    };

    public Option<int?> Degree { get; } = ModelOptions.OptionalInt("--degree",
        "Add polynomial features of degree D (all monomials up to D, no bias column) before --standardize.", 1);

    /// <summary>Both options, to add to a command.</summary>
    public IEnumerable<Option> Options => [Degree, Standardize];

    /// <summary>The chosen preprocessing for data with <paramref name="featureCount"/> columns.</summary>
    /// <exception cref="CliUsageException">--degree would create an unreasonable number of columns.</exception>
    public Pipeline Build(ParseResult parse, int featureCount)
    {
        var steps = new List<ITransformer<IFittedTransformer>>();
        if (parse.GetValue(Degree) is int degree)
        {
            var polynomial = new PolynomialFeatures { Degree = degree, IncludeBias = false };
            double columns = polynomial.ColumnCount(featureCount);
            if (columns > MaxPolynomialColumns)
                throw new CliUsageException(
                    $"--degree {degree} on {featureCount} features makes {columns:G3} columns (at most {MaxPolynomialColumns:G3}); " +
                    "use a smaller degree or fewer --features.");
            steps.Add(polynomial);
        }
        if (parse.GetValue(Standardize))
            steps.Add(new StandardScaler());
        return new Pipeline([.. steps]);
    }
}
