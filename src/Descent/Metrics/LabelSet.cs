using System.Globalization;
using System.Text;

namespace Descent.Metrics;

/// <summary>
/// The distinct labels of one or more label arrays, sorted as scikit-learn sorts them (<c>np.unique</c>): strings by
/// ordinal comparison, <see cref="Label"/> numerically when numbers, anything else by <see cref="Comparer{T}.Default"/>.
/// Two labels are the same class when they compare equal, so "1" and "1.0" are one class.
/// </summary>
internal sealed class LabelSet<TLabel>
{
    private LabelSet(TLabel[] classes, IComparer<TLabel> comparer)
    {
        Classes = classes;
        Comparer = comparer;
    }

    public TLabel[] Classes { get; }

    public IComparer<TLabel> Comparer { get; }

    public int Count => Classes.Length;

    /// <summary>The sorted union of the distinct values of every list.</summary>
    public static LabelSet<TLabel> Of(string function, params (string Name, IReadOnlyList<TLabel> Values)[] lists)
    {
        var comparer = LabelFormat.Comparer<TLabel>();
        int total = 0;
        foreach (var (_, values) in lists)
            total += values.Count;
        var all = new TLabel[total];
        int k = 0;
        foreach (var (name, values) in lists)
            for (int i = 0; i < values.Count; i++)
                all[k++] = values[i] ?? throw new ArgumentException($"{function}: {name}[{i}] is null; every label needs a value.", name);
        return FromUnsorted(all, comparer);
    }

    /// <summary>The given labels as the class list, in their sorted order.</summary>
    public static LabelSet<TLabel> FromUnsorted(TLabel[] labels, IComparer<TLabel> comparer)
    {
        Array.Sort(labels, comparer);
        int distinct = 0;
        for (int i = 0; i < labels.Length; i++)
            if (distinct == 0 || comparer.Compare(labels[distinct - 1], labels[i]) != 0)
                labels[distinct++] = labels[i];
        Array.Resize(ref labels, distinct);
        return new LabelSet<TLabel>(labels, comparer);
    }

    /// <summary>The position of <paramref name="label"/> among the classes, or -1.</summary>
    public int IndexOf(TLabel label)
    {
        int index = Array.BinarySearch(Classes, label, Comparer);
        return index >= 0 ? index : -1;
    }

    /// <summary>The class index of every value; each value must be one of the classes.</summary>
    public int[] Encode(IReadOnlyList<TLabel> values, string function, string name)
    {
        var codes = new int[values.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            int code = IndexOf(values[i]);
            if (code < 0)
                throw new ArgumentException(
                    $"{function}: {name}[{i}] = {LabelFormat.Repr(values[i])} is not one of the labels {LabelFormat.ReprList(Classes)}.", name);
            codes[i] = code;
        }
        return codes;
    }
}

/// <summary>Label ordering, numeric values and Python-style text, as scikit-learn's messages print them.</summary>
internal static class LabelFormat
{
    public static IComparer<TLabel> Comparer<TLabel>() =>
        typeof(TLabel) == typeof(string) ? (IComparer<TLabel>)StringComparer.Ordinal : System.Collections.Generic.Comparer<TLabel>.Default;

    /// <summary>The numeric value of a label, when it is a number (or a bool, as numpy treats it).</summary>
    public static bool TryGetNumber<TLabel>(TLabel label, out double value)
    {
        switch (label)
        {
            case Label l when l.IsNumber: value = l.Number; return true;
            case int v: value = v; return true;
            case long v: value = v; return true;
            case short v: value = v; return true;
            case byte v: value = v; return true;
            case sbyte v: value = v; return true;
            case uint v: value = v; return true;
            case ulong v: value = v; return true;
            case ushort v: value = v; return true;
            case double v: value = v; return true;
            case float v: value = v; return true;
            case decimal v: value = (double)v; return true;
            case bool v: value = v ? 1 : 0; return true;
            default: value = double.NaN; return false;
        }
    }

    /// <summary>True when the label is text (a string, or a <see cref="Label"/> that is not a number).</summary>
    public static bool IsText<TLabel>(TLabel label) => label is string || label is Label { IsNumber: false };

    /// <summary>The label as scikit-learn's report prints it (<c>"%s" % label</c>).</summary>
    public static string Text<TLabel>(TLabel label) => label switch
    {
        double d => PythonFloat(d),
        float f => PythonFloat(f),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "None",
        _ => label.ToString() ?? "",
    };

    /// <summary>The label as Python's repr prints it: text in single quotes, numbers plain.</summary>
    public static string Repr<TLabel>(TLabel label) => IsText(label) ? $"'{Text(label)}'" : Text(label);

    /// <summary>A Python list repr such as <c>[0, 2]</c> or <c>['a', 'b']</c>.</summary>
    public static string ReprList<TLabel>(IEnumerable<TLabel> labels) => "[" + string.Join(", ", labels.Select(Repr)) + "]";

    /// <summary>A Python set repr such as <c>{'a', 'b'}</c>.</summary>
    public static string ReprSet<TLabel>(IEnumerable<TLabel> labels) => "{" + string.Join(", ", labels.Select(Repr)) + "}";

    private static string PythonFloat(double d)
    {
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        var builder = new StringBuilder(text);
        if (double.IsFinite(d) && !text.Contains('.') && !text.Contains('E'))
            builder.Append(".0");
        return builder.ToString();
    }
}
