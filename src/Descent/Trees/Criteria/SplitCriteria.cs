namespace Descent.Trees.Criteria;

/// <summary>The built-in criteria, and lookup by scikit-learn name (for the command line and saved models).</summary>
public static class SplitCriteria
{
    /// <summary>Gini impurity (the classifiers' default).</summary>
    public static IClassificationCriterion Gini { get; } = new GiniCriterion();

    /// <summary>Entropy in bits (information gain).</summary>
    public static IClassificationCriterion Entropy { get; } = new EntropyCriterion();

    /// <summary>Squared error (the regressors' default).</summary>
    public static IRegressionCriterion SquaredError { get; } = new SquaredErrorCriterion();

    /// <summary>"gini" or "entropy" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static IClassificationCriterion Classification(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("gini", StringComparison.OrdinalIgnoreCase))
            return Gini;
        if (name.Equals("entropy", StringComparison.OrdinalIgnoreCase) || name.Equals("log_loss", StringComparison.OrdinalIgnoreCase))
            return Entropy;
        throw new ArgumentException($"Unknown classification criterion '{name}'; use 'gini' or 'entropy'.", nameof(name));
    }

    /// <summary>"squared_error" (also written "squared-error" or "mse").</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static IRegressionCriterion Regression(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("squared_error", StringComparison.OrdinalIgnoreCase) || name.Equals("squared-error", StringComparison.OrdinalIgnoreCase)
            || name.Equals("mse", StringComparison.OrdinalIgnoreCase))
            return SquaredError;
        throw new ArgumentException($"Unknown regression criterion '{name}'; use 'squared_error'.", nameof(name));
    }
}
