using Descent.Numerics;

namespace Descent.Tests;

/// <summary>Runs test code with <see cref="Parallelism.MaxThreads"/> set, and puts the setting back after. Test classes
/// that use it belong to the "Parallelism" collection, so they never run at the same time.</summary>
internal static class ThreadCount
{
    public static T With<T>(int threads, Func<T> compute)
    {
        int saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = threads;
            return compute();
        }
        finally
        {
            Parallelism.MaxThreads = saved;
        }
    }

    public static void With(int threads, Action action) => With(threads, () =>
    {
        action();
        return 0;
    });
}
