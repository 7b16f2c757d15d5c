using System.Globalization;
using System.Xml.Linq;
using Descent.Autograd;
using Descent.Plotting;
using Descent.Plotting.Models;

namespace Descent.Tests.Plotting;

public class ComputationGraphTests
{
    private static readonly XNamespace Svg = SvgProbe.Svg;

    private static List<XElement> Groups(XDocument svg, string cssClass) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class") ?? "").Split(' ').Contains(cssClass)).ToList();

    private static double Attr(XElement element, string name) => double.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);

    private static Value Neuron(out Value x1, out Value w1)
    {
        x1 = new Value(2.0, "x1");
        w1 = new Value(-3.0, "w1");
        var x1w1 = x1 * w1;
        x1w1.Label = "x1*w1";
        var n = x1w1 + new Value(6.8813735870195432, "b");
        n.Label = "n";
        var o = n.Tanh();
        o.Label = "o";
        o.Backward();
        return o;
    }

    [Fact]
    public void ValueGraph_DrawsEveryValueOnce_WithItsDataAndGradient_AndEveryOperation()
    {
        var o = Neuron(out _, out _);
        var svg = XDocument.Parse(ValueGraphFigure.Draw(o, "neuron").ToSvg());
        var boxes = Groups(svg, "graph-node");
        Assert.Equal(o.Graph().Count, boxes.Count);
        var texts = boxes.ToDictionary(b => (int)Attr(b, "data-node"), b => b.Descendants(Svg + "text").Select(t => t.Value).ToList());
        var graph = o.Graph();
        for (int i = 0; i < graph.Count; i++)
        {
            var expected = new List<string>();
            if (graph[i].Label is { } label)
                expected.Add(label);
            expected.Add("data " + ComputationGraphSeries.Format(graph[i].Data));
            expected.Add("grad " + ComputationGraphSeries.Format(graph[i].Grad));
            Assert.Equal(expected, texts[i]);
        }
        Assert.Equal(["x1", "data 2", "grad -1.5"], texts[0]);
        Assert.Equal(["o", "data 0.7071", "grad 1"], texts[graph.Count - 1]);
        Assert.Equal(["*", "+", "tanh"], Groups(svg, "graph-op").Select(g => g.Element(Svg + "text")!.Value));
        Assert.Equal(2 + 2 + 1, Assert.Single(Groups(svg, "graph-edges")).Elements(Svg + "path").Count()); // * has 2, + has 2, tanh 1
        Assert.Single(Groups(svg, "output"));
        Assert.Equal(3, Groups(svg, "leaf").Count);
    }

    [Fact]
    public void Layout_PutsEachValueRightOfItsInputs_AndBoxesOfAColumnDoNotOverlap()
    {
        var o = Neuron(out _, out _);
        var nodes = ValueGraphFigure.Nodes(o);
        var svg = XDocument.Parse(Figures.ComputationGraph(nodes).ToSvg());
        var rects = Groups(svg, "graph-node").ToDictionary(b => (int)Attr(b, "data-node"), b => b.Element(Svg + "rect")!);
        for (int i = 0; i < nodes.Count; i++)
            foreach (int input in nodes[i].Inputs)
                Assert.True(Attr(rects[input], "x") + Attr(rects[input], "width") < Attr(rects[i], "x"), $"node {input} is not left of {i}");
        foreach (var column in rects.Values.GroupBy(r => Attr(r, "x")))
        {
            var sorted = column.OrderBy(r => Attr(r, "y")).ToList();
            for (int k = 1; k < sorted.Count; k++)
                Assert.True(Attr(sorted[k - 1], "y") + Attr(sorted[k - 1], "height") <= Attr(sorted[k], "y"));
        }
        // The parameter b enters at the second addition: it is drawn in the column just before it, not with the inputs.
        int b = nodes.ToList().FindIndex(n => n.Label == "b");
        Assert.True(Attr(rects[b], "x") > Attr(rects[0], "x"));
    }

    [Fact]
    public void ComputationGraph_RejectsNodesNotListedInputsFirst()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.ComputationGraph(
            [new ComputationGraphNode { Value = 1, Inputs = [1] }, new ComputationGraphNode { Value = 2 }]));
        Assert.Contains("node 0 lists input 1", e.Message);
        Assert.Throws<ArgumentException>(() => Figures.ComputationGraph([]));
    }

    [Theory]
    [InlineData(0.70710678, "0.7071")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0, "0")]
    [InlineData(123456.0, "1.235e+5")]
    [InlineData(0.00001234, "1.234e-5")]
    public void Numbers_AreWrittenAsTheLecturePrintsThem(double value, string text) =>
        Assert.Equal(text, ComputationGraphSeries.Format(value));
}
