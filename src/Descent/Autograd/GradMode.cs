namespace Descent.Autograd;

/// <summary>
/// Whether operations record the graph that <see cref="Tensor{T}.Backward"/> walks, per thread (PyTorch's grad mode).
/// On by default; <see cref="Tensor.NoGrad"/> turns it off for a scope.
/// </summary>
internal static class GradMode
{
    [ThreadStatic]
    private static int _disabledDepth;

    /// <summary>True unless the current thread is inside a <see cref="NoGradScope"/>.</summary>
    public static bool IsEnabled => _disabledDepth == 0;

    public static void Disable() => _disabledDepth++;

    public static void Restore() => _disabledDepth--;
}

/// <summary>
/// A scope in which operations on tensors record no graph, as PyTorch's <c>torch.no_grad()</c>: results do not
/// require grad, and parameters may be changed in place (an optimizer's step, an evaluation pass).
/// Created by <see cref="Tensor.NoGrad"/>; dispose it (a <c>using</c> statement) to end the scope.
/// </summary>
public readonly struct NoGradScope : IDisposable
{
    private readonly bool _active;

    internal NoGradScope(bool active)
    {
        _active = active;
        if (active)
            GradMode.Disable();
    }

    /// <summary>Ends the scope: grad mode is as it was before.</summary>
    public void Dispose()
    {
        if (_active)
            GradMode.Restore();
    }
}

/// <summary>
/// Counts the in-place changes to a tensor's values. Views (transpose, reshape, slices, detach) share their base's
/// counter, as in PyTorch, so a change through any of them is seen by every operation that saved one of them.
/// </summary>
internal sealed class VersionCounter
{
    public int Value;
}
