namespace Descent.Cli.Tour;

/// <summary>
/// One chapter of <c>descent tour</c>: it fits its models on an embedded (or seeded synthetic) dataset and writes
/// its explanation, figures, numbers and summary row through a <see cref="ChapterWriter"/>. A chapter must be
/// deterministic: the same run gives the same bytes.
/// </summary>
internal abstract class TourChapter
{
    /// <summary>The chapter's key in metrics.json and the stem of its figure files ("linear_regression").</summary>
    public abstract string Key { get; }

    /// <summary>The section heading in the report.</summary>
    public abstract string Title { get; }

    /// <summary>Runs the chapter.</summary>
    public abstract void Run(ChapterWriter chapter);
}
