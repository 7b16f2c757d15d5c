using System.Globalization;

namespace Descent;

/// <summary>
/// How much memory one step (a fit, a transform) may allocate: half of the memory the runtime may use on this machine
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the physical memory, or a container's limit). A step whose
/// size, computed before allocating, exceeds it is refused with an error naming the size, instead of exhausting the
/// machine. The refusal is an <see cref="InsufficientMemoryException"/>.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The memory the runtime may use on this machine, in bytes.</summary>
    public static long MachineBytes { get; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The budget of one step, in bytes: half of <see cref="MachineBytes"/>.</summary>
    public static long Bytes => MachineBytes / 2;

    /// <summary>Throws when <paramref name="bytes"/> (computed in double, so it cannot overflow) exceeds the budget.</summary>
    /// <param name="bytes">The memory the step would allocate.</param>
    /// <param name="operation">Who refuses ("PolynomialFeatures.Fit").</param>
    /// <param name="what">What needs it ("degree 9 on 40 features gives 273,418,880 columns; 1,000 rows of them").</param>
    /// <param name="fix">What to do instead ("use a lower Degree or fewer features").</param>
    /// <exception cref="InsufficientMemoryException">Over budget (.NET's exception for a memory check that fails before
    /// allocating; not an <see cref="ArgumentException"/>, so cross-validation does not turn it into a NaN score).</exception>
    internal static void Check(double bytes, string operation, string what, string fix)
    {
        if (bytes <= Bytes)
            return;
        throw new InsufficientMemoryException(
            $"{operation}: {what} would need {Format(bytes)}, more than the memory budget of {Format(Bytes)} " +
            $"(half of this machine's {Format(MachineBytes)}); {fix}.");
    }

    /// <summary>A size in bytes for people: "1.2 GB", "640 MB" (powers of 1024).</summary>
    public static string Format(double bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        int unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} bytes")
            : bytes >= 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#e+0} {units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {units[unit]}");
    }
}
