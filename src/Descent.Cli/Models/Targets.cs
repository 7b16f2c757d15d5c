using Descent.Data;

namespace Descent.Cli.Models;

/// <summary>The target column read as a classifier needs it: labels as written, at least two classes.</summary>
internal static class Targets
{
    /// <summary>The class labels of <paramref name="data"/>'s target.</summary>
    /// <exception cref="DescentDataException">There is no target, or it holds a single class.</exception>
    public static ClassLabels Classes(Dataset data) => AtLeastTwo(data.RequireClassLabels(), data.Source, data.TargetName);

    /// <summary>The class labels of <paramref name="table"/>'s target.</summary>
    /// <exception cref="DescentDataException">There is no target, or it holds a single class.</exception>
    public static ClassLabels Classes(Table table) => AtLeastTwo(table.RequireClassLabels(), table.Source, table.TargetName);

    private static ClassLabels AtLeastTwo(ClassLabels labels, string? source, string? target)
    {
        if (labels.Classes.Count < 2)
            throw new DescentDataException(
                $"{source ?? "data"}: the target '{target}' holds a single class ('{labels.Classes[0].Text}'); " +
                "a classifier needs rows of at least two classes.", source, columnName: target);
        return labels;
    }

    /// <summary>The target as <see cref="Label"/>s exactly as written (numbers in shortest form when no text was kept).</summary>
    public static Label[] Labels(Dataset data)
    {
        if (data.TargetLabels is { } texts)
            return texts.Select(t => new Label(t)).ToArray();
        ClassLabels labels = ClassLabels.FromNumbers(data.RequireNumericTarget());
        return labels.Indices.Select(k => labels.Classes[k]).ToArray();
    }
}
