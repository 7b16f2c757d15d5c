namespace Descent;

/// <summary>
/// An iterative fit diverged: the cost became NaN or infinite, or kept growing. Almost always the learning rate
/// is too large for the scale of the features; the message says so and suggests the fix. It is an
/// <see cref="ArgumentException"/> because a setting (<see cref="Setting"/>) caused it.
/// </summary>
public sealed class DivergenceException : ArgumentException
{
    /// <summary>A divergence at <paramref name="epoch"/> with the cost reached there.</summary>
    public DivergenceException(string message, string setting, int epoch, double cost)
        : base(message)
    {
        Setting = setting;
        Epoch = epoch;
        Cost = cost;
    }

    /// <summary>The name of the setting to change (e.g. "LearningRate").</summary>
    public string Setting { get; }

    /// <summary>The 1-based epoch at which divergence was detected.</summary>
    public int Epoch { get; }

    /// <summary>The cost at that epoch (possibly NaN or infinity).</summary>
    public double Cost { get; }
}
