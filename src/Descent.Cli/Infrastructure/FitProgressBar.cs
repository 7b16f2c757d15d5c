using System.Globalization;
using Spectre.Console;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// A progress bar on stderr for an iterative fit (epoch or iteration out of the most, the current cost, the validation
/// score when rows are held out, the time spent and the time left), drawn with
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
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                T result = work(new Sink(task, title));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>"fit mlp-classifier  12/200  cost 0.31416  validation 0.9667": the bar's text after an epoch.</summary>
    internal static string Describe(string title, FitProgress value)
    {
        string of = value.MaxIterations is int max ? $"/{max}" : "";
        string validation = value.ValidationScore is double score ? string.Create(CultureInfo.InvariantCulture, $"  validation {score:G4}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{title}  {value.Iteration}{of}  cost {value.Cost:G5}{validation}");
    }

    private sealed class Sink(ProgressTask task, string title) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            if (value.MaxIterations is int max && max > 0)
                task.MaxValue = max;
            task.Value = Math.Min(value.Iteration, task.MaxValue);
            if (double.IsFinite(value.Cost))
                task.Description = Markup.Escape(Describe(title, value));
        }
    }
}
