using System.Globalization;

namespace Descent;

/// <summary>
/// The target of a classifier: the class of every row, as written. <see cref="Classes"/> holds the distinct labels
/// in scikit-learn's order (numerically when every label is a number, otherwise by ordinal string comparison) and
/// <see cref="Indices"/> maps each row to its class. Numeric labels that are equal as numbers ("1" and "1.0") are one class,
/// written as first seen.
/// </summary>
public sealed class ClassLabels
{
    private ClassLabels(Label[] classes, int[] indices)
    {
        Classes = classes;
        Indices = indices;
    }

    /// <summary>The distinct labels, ordered.</summary>
    public IReadOnlyList<Label> Classes { get; }

    /// <summary>For each row, its index into <see cref="Classes"/>.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Indices.Count;

    /// <summary>Labels from text as written (a CSV column).</summary>
    public static ClassLabels FromText(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var parsed = new Label[labels.Count];
        for (int i = 0; i < parsed.Length; i++)
            parsed[i] = new Label(labels[i] ?? throw new ArgumentException($"Class label at row {i} is null.", nameof(labels)));
        return FromLabels(parsed);
    }

    /// <summary>Labels from integers.</summary>
    public static ClassLabels FromIntegers(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return FromLabels(labels.Select(v => (Label)v).ToArray());
    }

    /// <summary>Labels from finite numbers, written in shortest round-trip form.</summary>
    public static ClassLabels FromNumbers(IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var parsed = new Label[labels.Count];
        for (int i = 0; i < parsed.Length; i++)
        {
            if (!double.IsFinite(labels[i]))
                throw new ArgumentException($"Class label at row {i} is {labels[i]}; class labels must be finite numbers or text.", nameof(labels));
            parsed[i] = new Label(labels[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return FromLabels(parsed);
    }

    /// <summary>Labels given as <see cref="Label"/> values.</summary>
    public static ClassLabels FromLabels(IReadOnlyList<Label> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        bool numeric = labels.All(l => l.IsNumber);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<Label>();
        var firstIndex = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            string key = Key(labels[i], numeric);
            if (!byKey.TryGetValue(key, out int k))
            {
                k = distinct.Count;
                byKey.Add(key, k);
                distinct.Add(labels[i]);
            }
            firstIndex[i] = k;
        }
        int[] order = Enumerable.Range(0, distinct.Count).ToArray();
        Array.Sort(order, (a, b) => distinct[a].CompareTo(distinct[b]));
        var rank = new int[order.Length];
        for (int r = 0; r < order.Length; r++)
            rank[order[r]] = r;
        var indices = new int[labels.Count];
        for (int i = 0; i < indices.Length; i++)
            indices[i] = rank[firstIndex[i]];
        return new ClassLabels(order.Select(k => distinct[k]).ToArray(), indices);
    }

    /// <summary>The index in <see cref="Classes"/> of <paramref name="label"/>, or -1 when it is not a class.</summary>
    public int IndexOf(Label label) => IndexOf(Classes, label);

    /// <summary>The index in <paramref name="classes"/> of <paramref name="label"/> (numbers compared by value), or -1.</summary>
    public static int IndexOf(IReadOnlyList<Label> classes, Label label)
    {
        ArgumentNullException.ThrowIfNull(classes);
        for (int k = 0; k < classes.Count; k++)
        {
            bool same = classes[k].IsNumber && label.IsNumber
                ? classes[k].Number == label.Number
                : string.Equals(classes[k].Text, label.Text, StringComparison.Ordinal);
            if (same)
                return k;
        }
        return -1;
    }

    /// <summary>Labels from integers.</summary>
    public static implicit operator ClassLabels(int[] labels) => FromIntegers(labels);

    /// <summary>Labels from text.</summary>
    public static implicit operator ClassLabels(string[] labels) => FromText(labels);

    /// <summary>Labels from numbers.</summary>
    public static implicit operator ClassLabels(double[] labels) => FromNumbers(labels);

    private static string Key(Label label, bool numeric) =>
        numeric ? label.Number.ToString("R", CultureInfo.InvariantCulture) : label.Text;
}
