using System.Xml.Linq;
using Descent.Plotting;

namespace Descent.Tests.Plotting;

public class FigureSvgTests
{
    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void ToSvg_IsWellFormedXml_WithTitleAndLabels(string name)
    {
        string svg = SampleFigures.Build(name).ToSvg();
        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.NotEmpty(document.Descendants(ns + "title"));
        Assert.Contains(document.Descendants(ns + "g"), g => (string?)g.Attribute("class") == "axes");
        // axis names: the 2-D axes' and a 3-D scene's (class "s3-label xlabel")
        bool Named(XElement text, string name) => ((string?)text.Attribute("class") ?? "").Split(' ').Contains(name);
        Assert.Contains(document.Descendants(ns + "text"), t => Named(t, "xlabel"));
        Assert.Contains(document.Descendants(ns + "text"), t => Named(t, "ylabel"));
        string? dump = Environment.GetEnvironmentVariable("DESCENT_PLOT_DUMP");
        if (dump is not null) SampleFigures.Build(name).Save(Path.Combine(dump, name + ".svg"));
    }

    [Theory]
    [MemberData(nameof(SampleFigures.Names), MemberType = typeof(SampleFigures))]
    public void ToSvg_SameInput_GivesSameBytes(string name)
    {
        Assert.Equal(SampleFigures.Build(name).ToSvg(), SampleFigures.Build(name).ToSvg());
    }
}
