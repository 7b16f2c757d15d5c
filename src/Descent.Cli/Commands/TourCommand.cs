using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Cli.Tour;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent tour [--out DIR]</c>: runs the curriculum on the embedded datasets, writes DIR/index.html (one
/// self-contained report), every figure as DIR/NN-name.svg and DIR/metrics.json, and prints the summary table.
/// </summary>
internal sealed class TourCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write index.html, the figures (.svg) and metrics.json into; created when missing.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "tour",
        };
        var threads = CommonOptions.Threads();
        var command = new Command("tour",
            "Run the machine-learning curriculum end to end on the built-in datasets — linear regression by gradient descent, " +
            "several variables, the learning rate, polynomial regression and overfitting, Ridge/Lasso/ElasticNet, the perceptron, " +
            "logistic regression and its regularization, softmax regression, entropy and information gain, decision trees and " +
            "forests, bias and variance, and the metrics that judge a classifier — and write one report with " +
            "every figure. Prints a summary table; takes a few seconds; the same run gives the same files.\n\nExamples:\n" +
            "  descent tour\n  descent tour --out my-tour")
        {
            output,
            threads,
        };
        command.SetAction(parse => Run(context, parse, parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliContext context, ParseResult parse, string folder)
    {
        string full = ReportFolder.Check(folder, "tour");
        var clock = Stopwatch.StartNew();
        bool showProgress = context.ErrorIsTerminal && !context.IsQuiet(parse);
        TourResult result = TourRunner.Run(showProgress ? line => context.Error.WriteLine(line) : null);

        string index = ReportFolder.Write(full, result.Figures.Select(f => (f.FileName, f.Figure)), result.MetricsJson, result.Html);

        TableWriter.Write(context, TourRunner.SummaryHeaders, result.Summary.Select(TourRunner.SummaryCells).ToList(), new HashSet<int> { 0 });
        context.Status(parse, string.Create(CultureInfo.InvariantCulture,
            $"wrote {index} ({result.Figures.Count} figures, metrics.json){(showProgress ? $" in {clock.Elapsed.TotalSeconds:0.0} s" : "")}"));
        return 0;
    }
}
