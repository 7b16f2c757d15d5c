using System.Diagnostics;

namespace Descent.Bench;

/// <summary>Wall-clock timing: warm-up runs (JIT tiers, caches, worker threads), then the median of repeated runs.</summary>
public static class Measure
{
    /// <summary>Median seconds of one run; repeats 3..15 times, about <paramref name="targetSeconds"/> in all.</summary>
    public static double Median(Workload workload, double targetSeconds)
    {
        workload.Run();
        workload.Run();
        var clock = Stopwatch.StartNew();
        workload.Run();
        double single = clock.Elapsed.TotalSeconds;
        int runs = (int)Math.Clamp(targetSeconds / Math.Max(single, 1e-9), 3, 15);
        var times = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            clock.Restart();
            workload.Run();
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
