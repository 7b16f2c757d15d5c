using static System.FormattableString;

namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The information gain of splitting a set on each attribute, as horizontal bars from the largest (the split a
    /// decision tree chooses, highlighted) down, each bar labelled with its value, and the entropy H(S) of the set as
    /// a dashed line: the most any split can gain (a split into pure groups gains all of it).
    /// </summary>
    /// <exception cref="ArgumentException">No attribute, or names and gains of different lengths.</exception>
    public static Figure InformationGain(IReadOnlyList<string> attributes, IReadOnlyList<double> gains, double entropy,
        string title = "Information gain of each attribute")
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(gains);
        if (attributes.Count == 0 || attributes.Count != gains.Count)
            throw new ArgumentException($"Figures.InformationGain: {attributes.Count} attributes and {gains.Count} gains; give one gain per attribute.");
        int[] order = Enumerable.Range(0, gains.Count).OrderByDescending(k => gains[k]).ThenBy(k => k).ToArray();
        var figure = new Figure(width: 680, height: Math.Max(300, 48 * order.Length + 150));
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = "Information gain (bits)";
        double[] positions = order.Select((_, k) => (double)k).ToArray();
        axes.HorizontalBars(positions[..1], [gains[order[0]]], $"chosen split: {attributes[order[0]]}", Palette.At(3));
        if (order.Length > 1)
            axes.HorizontalBars(positions[1..], order[1..].Select(k => gains[k]).ToArray(), "other attributes", Palette.At(0));
        for (int k = 0; k < order.Length; k++)
            axes.Text(gains[order[k]], k, Invariant($"{gains[order[k]]:0.000}")).OffsetX = 6;
        var limit = axes.Line([entropy, entropy], [-0.5, order.Length - 0.5], Invariant($"entropy H(S) = {entropy:0.000} bits"), Palette.Grey);
        limit.Style = LineStyle.Dashed;
        axes.SetYTicks(positions, order.Select(k => attributes[k]).ToArray());
        axes.YInverted = true;
        axes.XMin = 0;
        axes.XMax = Math.Max(entropy, gains.Max()) * 1.15;
        axes.YMin = -0.6;
        axes.YMax = order.Length - 0.4;
        return figure;
    }
}
