using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// Where the boxes of a computation graph go, left to right as the computation runs, in pixels of the diagram
/// (origin top-left). A computed node's column is one more than its latest input's; a leaf sits one column before its
/// first use, so a parameter added late is drawn next to where it enters. Within a column, nodes are ordered by the
/// mean row of their neighbours (a few barycentre sweeps, which removes most edge crossings) and centred vertically.
/// </summary>
internal sealed class ComputationGraphLayout
{
    public const double BoxWidth = 128, BoxHeight = 56, OperationRadius = 15, OperationGap = 34;
    public const double ColumnGap = 46, RowGap = 20, Margin = 8, FontSize = 12, LineHeight = 16;

    /// <summary>Left edge of each node's box, its top, and its column.</summary>
    public readonly record struct Place(double Left, double Top, int Column)
    {
        public double CenterY => Top + BoxHeight / 2;

        public double Right => Left + BoxWidth;
    }

    private ComputationGraphLayout(Place[] places, double width, double height)
    {
        Places = places;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<Place> Places { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>Horizontal distance between the left edges of neighbouring columns: op circle, gap, box, gap.</summary>
    public static double ColumnStep => 2 * OperationRadius + OperationGap + BoxWidth + ColumnGap;

    /// <summary>Checks the nodes (inputs before their users) and lays them out.</summary>
    /// <exception cref="ArgumentException">No node, or an input index that is not an earlier node.</exception>
    public static ComputationGraphLayout Compute(IReadOnlyList<ComputationGraphNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
            throw new ArgumentException("Figures.ComputationGraph: the graph has no nodes.", nameof(nodes));
        for (int i = 0; i < nodes.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(nodes[i], nameof(nodes));
            foreach (int input in nodes[i].Inputs)
                if (input < 0 || input >= i)
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Figures.ComputationGraph: node {i} lists input {input}, but inputs must be earlier nodes (0..{i - 1}): list the nodes inputs first."),
                        nameof(nodes));
        }
        int[] column = Columns(nodes);
        int columns = column.Max() + 1;
        var byColumn = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, nodes.Count).Where(i => column[i] == c).ToList()).ToArray();
        var consumers = Enumerable.Range(0, nodes.Count).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < nodes.Count; i++)
            foreach (int input in nodes[i].Inputs)
                consumers[input].Add(i);
        var row = new double[nodes.Count];
        foreach (var members in byColumn)
            for (int k = 0; k < members.Count; k++)
                row[members[k]] = k;
        for (int sweep = 0; sweep < 4; sweep++)
        {
            bool forward = sweep % 2 == 0;
            for (int step = 0; step < columns; step++)
            {
                var members = byColumn[forward ? step : columns - 1 - step];
                var neighbours = members.ToDictionary(i => i, i => forward ? nodes[i].Inputs : (IReadOnlyList<int>)consumers[i]);
                var key = members.ToDictionary(i => i, i => neighbours[i].Count == 0 ? row[i] : neighbours[i].Average(n => row[n]));
                members.Sort((a, b) => key[a] != key[b] ? key[a].CompareTo(key[b]) : row[a].CompareTo(row[b]));
                for (int k = 0; k < members.Count; k++)
                    row[members[k]] = k;
            }
        }
        int tallest = byColumn.Max(m => m.Count);
        double height = 2 * Margin + tallest * BoxHeight + (tallest - 1) * RowGap;
        var places = new Place[nodes.Count];
        for (int c = 0; c < columns; c++)
        {
            var members = byColumn[c];
            double used = members.Count * BoxHeight + (members.Count - 1) * RowGap;
            double top = (height - used) / 2;
            foreach (int i in members)
                places[i] = new Place(Margin + 2 * OperationRadius + OperationGap + c * ColumnStep,
                    top + row[i] * (BoxHeight + RowGap), c);
        }
        double width = 2 * Margin + 2 * OperationRadius + OperationGap + columns * BoxWidth + (columns - 1) * (ColumnStep - BoxWidth);
        return new ComputationGraphLayout(places, width, height);
    }

    /// <summary>Computed nodes: one column after their latest input; leaves: one column before their first consumer.</summary>
    private static int[] Columns(IReadOnlyList<ComputationGraphNode> nodes)
    {
        var column = new int[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
            column[i] = nodes[i].Inputs.Count == 0 ? 0 : nodes[i].Inputs.Max(input => column[input]) + 1;
        var firstUse = Enumerable.Repeat(int.MaxValue, nodes.Count).ToArray();
        for (int i = 0; i < nodes.Count; i++)
            foreach (int input in nodes[i].Inputs)
                firstUse[input] = Math.Min(firstUse[input], column[i]);
        for (int i = 0; i < nodes.Count; i++)
            if (nodes[i].Inputs.Count == 0 && firstUse[i] != int.MaxValue)
                column[i] = firstUse[i] - 1;
        return column;
    }
}
