namespace Descent.Cli.Commands;

/// <summary>Finds every <see cref="ICliCommand"/> in this assembly, ordered by <see cref="ICliCommand.Order"/> then type name.</summary>
internal static class CommandCatalog
{
    /// <summary>One instance of each command class.</summary>
    public static IReadOnlyList<ICliCommand> Discover() =>
        typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Order)
            .ThenBy(c => c.GetType().Name, StringComparer.Ordinal)
            .ToList();
}
