using System.Globalization;
using Descent.Plotting;

namespace Descent.Cli.Tour;

/// <summary>
/// What a <see cref="TourChapter"/> writes: paragraphs, figures (inlined in the report and saved as
/// <c>NN-name.svg</c>) and tables go to its report section; named numbers go to its object in metrics.json; one
/// line goes to the summary table.
/// </summary>
internal sealed class ChapterWriter
{
    private readonly List<(string Key, object Value)> _metrics = [];
    private readonly List<TourFigure> _figures = [];

    public ChapterWriter(int number, TourChapter chapter, ReportSection section)
    {
        Number = number;
        Chapter = chapter;
        Section = section;
    }

    /// <summary>The chapter's position in the tour, from 1.</summary>
    public int Number { get; }

    /// <summary>The chapter being written.</summary>
    public TourChapter Chapter { get; }

    /// <summary>The chapter's section of the report.</summary>
    public ReportSection Section { get; }

    /// <summary>The named numbers, in the order written.</summary>
    public IReadOnlyList<(string Key, object Value)> Metrics => _metrics;

    /// <summary>The figures, in the order added.</summary>
    public IReadOnlyList<TourFigure> Figures => _figures;

    /// <summary>The summary row, once set.</summary>
    public TourSummaryRow? Summary { get; private set; }

    /// <summary>Appends a paragraph.</summary>
    public ChapterWriter Paragraph(string text)
    {
        Section.Paragraph(text);
        return this;
    }

    /// <summary>Appends a displayed formula.</summary>
    public ChapterWriter Formula(string formula)
    {
        Section.Formula(formula);
        return this;
    }

    /// <summary>Appends the block <c>// &lt;code NAME&gt;</c> of the chapter's own source (<see cref="TourSource"/>).</summary>
    public ChapterWriter Code(string name)
    {
        Section.Code(TourSource.Code(Chapter, name));
        return this;
    }

    /// <summary>Appends a "What to notice" paragraph.</summary>
    public ChapterWriter Notice(string text)
    {
        Section.Notice(text);
        return this;
    }

    /// <summary>Appends a figure with its caption; it is also saved as <c>NN-name.svg</c>.</summary>
    public ChapterWriter Figure(string name, Figure figure, string caption)
    {
        Section.Figure(figure, caption);
        string file = string.Create(CultureInfo.InvariantCulture, $"{Number:00}-{name}.svg");
        if (_figures.Any(f => f.FileName == file))
            throw new InvalidOperationException($"tour chapter {Chapter.Key}: two figures are named '{name}'.");
        _figures.Add(new TourFigure(file, figure));
        return this;
    }

    /// <summary>Records a number in metrics.json (a non-finite one is written as null).</summary>
    public ChapterWriter Metric(string key, double value) => Add(key, value);

    /// <summary>Records a count in metrics.json.</summary>
    public ChapterWriter Metric(string key, int value) => Add(key, value);

    /// <summary>Records a vector of numbers in metrics.json.</summary>
    public ChapterWriter Metric(string key, IReadOnlyList<double> values) => Add(key, values.ToArray());

    /// <summary>Records a text in metrics.json.</summary>
    public ChapterWriter Metric(string key, string value) => Add(key, value);

    /// <summary>Records a list of texts in metrics.json.</summary>
    public ChapterWriter Metric(string key, IReadOnlyList<string> values) => Add(key, values.ToArray());

    /// <summary>Sets the chapter's line of the summary table.</summary>
    public void SetSummary(string model, string data, string metric, string value) =>
        Summary = new TourSummaryRow(Number, Chapter.Key, model, data, metric, value);

    private ChapterWriter Add(string key, object value)
    {
        if (_metrics.Any(m => m.Key == key))
            throw new InvalidOperationException($"tour chapter {Chapter.Key}: metric '{key}' is written twice.");
        _metrics.Add((key, value));
        return this;
    }
}

/// <summary>A figure of the tour: its file name in the output folder and the figure.</summary>
internal sealed record TourFigure(string FileName, Figure Figure);

/// <summary>One line of the tour's summary table.</summary>
internal sealed record TourSummaryRow(int Step, string Chapter, string Model, string Data, string Metric, string Value);
