namespace Descent.Bench;

/// <summary>
/// One side-by-side benchmark: a Descent measurement and the Python snippet that does the same work with the tool a
/// user would otherwise pick. Add a workload by adding a class in Workloads/&lt;Family&gt;Workloads.cs: either a
/// <see cref="Workload"/> with a public parameterless constructor, or an <see cref="IWorkloadFamily"/> that creates
/// several (sizes, precisions). The harness finds both by reflection.
/// </summary>
public abstract class Workload
{
    /// <summary>The name in results.json and on the command line, e.g. <c>gemm-f64-1024</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The group a command-line argument may name to run all its workloads, e.g. <c>gemm</c>.</summary>
    public abstract string Group { get; }

    /// <summary>Thread counts to measure (Descent's <c>Parallelism.MaxThreads</c>, the reference's BLAS/OpenMP threads).</summary>
    public virtual IReadOnlyList<int> Threads => [1, 2];

    /// <summary>Untimed runs before timing (JIT tiers, caches, worker threads); fewer for multi-second fits.</summary>
    public virtual int Warmups => 2;

    /// <summary>The fewest timed runs whose median is reported (more when they fit in the target seconds, at most 15).</summary>
    public virtual int MinRuns => 3;

    /// <summary>
    /// A line for RESULTS.md's notes under the table about one of this workload's rows (what is compared, a throughput
    /// derived from the row's times); null for none.
    /// </summary>
    public virtual string? Note(ResultRow row) => null;

    /// <summary>Floating-point operations of one run, when that is a meaningful rate (GEMM: 2n³); null otherwise.</summary>
    public virtual double? Flops => null;

    /// <summary>Why this workload cannot run on this machine (its data is not installed), or null when it can.</summary>
    public virtual string? Unavailable => null;

    /// <summary>The .NET library doing the same work in this process, timed beside Descent; null when there is none.</summary>
    public virtual DotNetPeer? Peer => null;

    /// <summary>Builds the inputs (not timed).</summary>
    public abstract void Setup();

    /// <summary>One timed run of the Descent side.</summary>
    public abstract void Run();

    /// <summary>
    /// Python run once before timing: imports and inputs. It may set <c>REFERENCE</c> to a label such as
    /// <c>"scikit-learn " + sklearn.__version__</c>; the default is numpy's version. Null when there is no reference.
    /// </summary>
    public abstract string? PythonSetup { get; }

    /// <summary>Python statements timed as one reference run (they may use what <see cref="PythonSetup"/> defined).</summary>
    public abstract string? PythonRun { get; }
}

/// <summary>Creates a family of related workloads (the same computation at several sizes or precisions).</summary>
public interface IWorkloadFamily
{
    /// <summary>The workloads of this family, in the order the table lists them.</summary>
    IEnumerable<Workload> Create();
}
