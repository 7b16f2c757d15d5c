using System.Diagnostics;
using System.Globalization;
using Descent.Plotting;

namespace Descent.Cli.Tour;

/// <summary>
/// Runs the chapters of the tour in order and assembles what <c>descent tour</c> writes: one self-contained HTML
/// report, each figure as SVG, metrics.json and the summary table. Nothing depends on the clock or the machine, so
/// the same build gives the same bytes on every run.
/// </summary>
internal static class TourRunner
{
    /// <summary>The chapters, in curriculum order: the classical course; the neural-network chapters (issue 13) go after metrics.</summary>
    public static IReadOnlyList<TourChapter> Chapters { get; } =
    [
        new LinearRegressionChapter(),
        new MultivariateRegressionChapter(),
        new LearningRateChapter(),
        new PolynomialRegressionChapter(),
        new RegularizationChapter(),
        new PerceptronChapter(),
        new LogisticRegressionChapter(),
        new LogisticRegularizationChapter(),
        new SoftmaxChapter(),
        new InformationGainChapter(),
        new TreesChapter(),
        new BiasVarianceChapter(),
        new MetricsChapter(),
    ];

    /// <summary>Runs every chapter; <paramref name="progress"/> receives one line per chapter as it finishes.</summary>
    public static TourResult Run(Action<string>? progress = null)
    {
        var report = new HtmlReport("A tour of machine learning with Descent",
            "Each chapter below was computed by 'descent tour' on the datasets built into Descent: the models were fitted, " +
            "the numbers measured and the figures drawn by this run. Run it again and you get the same bytes.");
        var writers = new List<ChapterWriter>();
        for (int i = 0; i < Chapters.Count; i++)
        {
            var chapter = Chapters[i];
            var clock = Stopwatch.StartNew();
            var writer = new ChapterWriter(i + 1, chapter, report.AddSection(chapter.Title));
            chapter.Run(writer);
            if (writer.Summary is null)
                throw new InvalidOperationException($"tour chapter {chapter.Key} wrote no summary row.");
            writers.Add(writer);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"[{i + 1}/{Chapters.Count}] {chapter.Title} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        var summary = writers.Select(w => w.Summary!).ToArray();
        AddSummarySection(report, summary);
        return new TourResult(report.ToHtml(), writers.SelectMany(w => w.Figures).ToArray(), TourMetrics.ToJson(writers), summary);
    }

    /// <summary>The summary table's column headers.</summary>
    public static IReadOnlyList<string> SummaryHeaders { get; } = ["step", "model", "data", "metric", "value"];

    /// <summary>The summary table's cells of one row.</summary>
    public static IReadOnlyList<string> SummaryCells(TourSummaryRow row) =>
        [row.Step.ToString(CultureInfo.InvariantCulture), row.Model, row.Data, row.Metric, row.Value];

    private static void AddSummarySection(HtmlReport report, IReadOnlyList<TourSummaryRow> rows)
    {
        report.AddSection("Summary")
            .Paragraph("One line per chapter: the model, the data it learned from, and how well it did. A test metric is measured " +
                "on rows the model never saw while training; the course's own exercises measure on the training set, and say so.")
            .Table(SummaryHeaders, rows.Select(SummaryCells));
    }
}

/// <summary>Everything the tour produced.</summary>
/// <param name="Html">The report, index.html.</param>
/// <param name="Figures">Every figure, with its file name.</param>
/// <param name="MetricsJson">metrics.json.</param>
/// <param name="Summary">One row per chapter.</param>
internal sealed record TourResult(string Html, IReadOnlyList<TourFigure> Figures, string MetricsJson, IReadOnlyList<TourSummaryRow> Summary);
