using System.Diagnostics;

namespace Descent.Bench;

/// <summary>Wall-clock timing: warm-up runs (JIT tiers, caches, worker threads), then the median of repeated runs.</summary>
public static class Measure
{
    /// <summary>
    /// Median seconds of one <paramref name="run"/> after <see cref="Workload.Warmups"/> untimed runs; repeats
    /// <see cref="Workload.MinRuns"/>..15 times (the first timed run included), about <paramref name="targetSeconds"/> in
    /// all. The workload's settings apply to its .NET peer as well, so both sides are timed alike.
    /// </summary>
    public static double Median(Workload workload, Action run, double targetSeconds)
    {
        for (int w = 0; w < workload.Warmups; w++)
            run();
        var clock = Stopwatch.StartNew();
        run();
        double single = clock.Elapsed.TotalSeconds;
        int runs = (int)Math.Clamp(targetSeconds / Math.Max(single, 1e-9), workload.MinRuns, 15);
        var times = new double[runs];
        times[0] = single;
        for (int r = 1; r < runs; r++)
        {
            clock.Restart();
            run();
            times[r] = clock.Elapsed.TotalSeconds;
        }
        return Median(times);
    }

    /// <summary>The middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
