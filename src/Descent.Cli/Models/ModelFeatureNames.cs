using Descent.Persistence;
using Descent.Preprocessing;

namespace Descent.Cli.Models;

/// <summary>The names of the columns a saved model's final estimator sees: its inputs after the column step
/// (<c>city=Paris</c>, <c>signup.year</c>) and polynomial features (<c>age^2</c>, <c>age income</c>, scikit-learn's names).</summary>
internal static class ModelFeatureNames
{
    public static IReadOnlyList<string> Of(SavedModel model)
    {
        IReadOnlyList<string> names = model.Columns?.FeatureNames ?? model.FeatureNames;
        foreach (var step in model.Preprocessing)
            if (step is PolynomialFeaturesModel polynomial)
                names = polynomial.FeatureNames(names);
        return names;
    }
}
