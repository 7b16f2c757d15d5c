namespace Descent;

/// <summary>
/// What an iterative Fit recorded: the cost after each epoch or iteration, for models with at most two parameters the
/// parameters after each step (<c>ParameterPath[k]</c>), so the descent can be drawn over the cost surface, and when
/// training held out a validation set, the validation score after each epoch (scikit-learn's
/// <c>validation_scores_</c>). Index 0 of the costs is the starting point, before the first update, where the solver
/// measures it (a full-batch cost); a mini-batch loss curve starts after the first epoch, as scikit-learn's
/// <c>loss_curve_</c>.
/// </summary>
public sealed class FitHistory
{
    /// <summary>A history of costs and, optionally, parameter vectors and validation scores (all copied).</summary>
    public FitHistory(IEnumerable<double> costs, IEnumerable<double[]>? parameterPath = null,
        IEnumerable<double>? validationScores = null)
    {
        ArgumentNullException.ThrowIfNull(costs);
        Costs = costs.ToArray();
        ParameterPath = parameterPath?.Select(p => (double[])p.Clone()).ToArray();
        ValidationScores = validationScores?.ToArray() ?? [];
    }

    /// <summary>An empty history (a closed-form fit).</summary>
    public static FitHistory Empty { get; } = new([]);

    /// <summary>The cost at each recorded step.</summary>
    public IReadOnlyList<double> Costs { get; }

    /// <summary>The parameters at each recorded step, or null when the model has more than two parameters.</summary>
    public IReadOnlyList<double[]>? ParameterPath { get; }

    /// <summary>The score on the held-out validation rows after each epoch (accuracy or R²); empty when none were held out.</summary>
    public IReadOnlyList<double> ValidationScores { get; }
}
