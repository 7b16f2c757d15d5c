using System.Globalization;
using Spectre.Console;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// A progress bar on stderr for an iterative fit (epoch or iteration out of the most, and the current cost), drawn with
/// Spectre.Console only when stderr is a terminal; otherwise the work runs with no progress and nothing is printed.
/// </summary>
internal static class FitProgressBar
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress sink when a bar is shown.</summary>
    public static T Run<T>(CliContext context, bool show, string title, Func<IProgress<FitProgress>?, T> work)
    {
        if (!show || !context.ErrorIsTerminal)
            return work(null);
        // The caller already knows stderr is a terminal (Console.IsErrorRedirected); tell Spectre so rather than let it guess.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                T result = work(new Sink(task, title));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class Sink(ProgressTask task, string title) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            if (value.MaxIterations is int max && max > 0)
                task.MaxValue = max;
            task.Value = Math.Min(value.Iteration, task.MaxValue);
            if (double.IsFinite(value.Cost))
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title}  cost {value.Cost:G5}"));
        }
    }
}
