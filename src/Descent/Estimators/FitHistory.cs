namespace Descent;

/// <summary>
/// What an iterative Fit recorded: the cost after each epoch or iteration, and for models with at most two
/// parameters the parameters after each step (<c>ParameterPath[k]</c>), so the descent can be drawn over the cost surface.
/// Index 0 is the starting point, before the first update.
/// </summary>
public sealed class FitHistory
{
    /// <summary>A history of costs and, optionally, parameter vectors (both copied).</summary>
    public FitHistory(IEnumerable<double> costs, IEnumerable<double[]>? parameterPath = null)
    {
        ArgumentNullException.ThrowIfNull(costs);
        Costs = costs.ToArray();
        ParameterPath = parameterPath?.Select(p => (double[])p.Clone()).ToArray();
    }

    /// <summary>An empty history (a closed-form fit).</summary>
    public static FitHistory Empty { get; } = new([]);

    /// <summary>The cost at each recorded step.</summary>
    public IReadOnlyList<double> Costs { get; }

    /// <summary>The parameters at each recorded step, or null when the model has more than two parameters.</summary>
    public IReadOnlyList<double[]>? ParameterPath { get; }
}
