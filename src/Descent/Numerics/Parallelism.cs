namespace Descent.Numerics;

/// <summary>
/// The library-wide cap on worker threads. Starts at the environment variable <c>DESCENT_THREADS</c> when it
/// holds a positive integer, otherwise at the number of cores. Every parallel kernel splits its work in a fixed
/// way, so results are identical for any thread count.
/// </summary>
public static class Parallelism
{
    private static int _maxThreads = FromEnvironment();

    /// <summary>The most threads a kernel may use (at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public static int MaxThreads
    {
        get => _maxThreads;
        set
        {
            if (value < 1)
                throw new ArgumentOutOfRangeException(nameof(value), value, "Parallelism.MaxThreads must be >= 1.");
            _maxThreads = value;
        }
    }

    private static int FromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable("DESCENT_THREADS");
        return int.TryParse(text, out int n) && n > 0 ? n : Environment.ProcessorCount;
    }
}
