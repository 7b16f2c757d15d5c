namespace Descent.Bench;

/// <summary>
/// The same work done by the .NET library a .NET user would otherwise pick (ML.NET, Sep), in this process, timed
/// beside Descent and the Python reference in the same rounds: results.json's <c>peer</c>, <c>peer_s</c> and
/// <c>peer_ratio</c>. Only the bench project references these libraries; Descent and its CLI never do.
/// </summary>
public abstract class DotNetPeer
{
    /// <summary>What ran, e.g. "ML.NET 6.0.0 LbfgsLogisticRegression".</summary>
    public abstract string Label { get; }

    /// <summary>Converts the workload's data into the peer's form (not timed); called after the workload's Setup.</summary>
    public abstract void Setup();

    /// <summary>One timed run on at most <paramref name="threads"/> threads.</summary>
    public abstract void Run(int threads);

    /// <summary>
    /// The quality check printed with DESCENT_BENCH_CHECK=1 beside the workload's own (training accuracy, say), so that
    /// speed is not bought with accuracy; null for none.
    /// </summary>
    public virtual string? Check() => null;

    /// <summary>The package version of the assembly that holds <paramref name="type"/>, as "6.0.0" (its informational
    /// version without the commit; ML.NET's assembly versions stay at 1.0.0).</summary>
    protected static string VersionOf(Type type) =>
        (type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "?").Split('+')[0];
}
