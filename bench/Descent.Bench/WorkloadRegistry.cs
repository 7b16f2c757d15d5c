using System.Reflection;

namespace Descent.Bench;

/// <summary>Every workload in this assembly: <see cref="Workload"/> classes with a parameterless constructor and the
/// members of each <see cref="IWorkloadFamily"/>, ordered by group (in file order of discovery) and then as created.</summary>
public static class WorkloadRegistry
{
    public static IReadOnlyList<Workload> All()
    {
        var workloads = new List<Workload>();
        foreach (var type in typeof(WorkloadRegistry).Assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || type.IsGenericTypeDefinition)
                continue;
            if (typeof(IWorkloadFamily).IsAssignableFrom(type))
                workloads.AddRange(((IWorkloadFamily)Activator.CreateInstance(type)!).Create());
            else if (typeof(Workload).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
                workloads.Add((Workload)Activator.CreateInstance(type)!);
        }
        return workloads;
    }

    /// <summary>The workloads named by <paramref name="selectors"/> (group or exact name; none = all).</summary>
    public static IReadOnlyList<Workload> Select(IReadOnlyList<Workload> all, IReadOnlyList<string> selectors, out List<string> unknown)
    {
        unknown = selectors.Where(s => !all.Any(w => w.Name == s || w.Group == s)).ToList();
        return selectors.Count == 0 ? all : all.Where(w => selectors.Contains(w.Name) || selectors.Contains(w.Group)).ToList();
    }
}
