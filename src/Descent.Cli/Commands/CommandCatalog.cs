namespace Descent.Cli.Commands;

/// <summary>Every top-level command of <c>descent</c>, in the order <c>descent --help</c> lists them.</summary>
internal static class CommandCatalog
{
    /// <summary>One instance of each command class.</summary>
    public static IReadOnlyList<ICliCommand> Discover() =>
    [
        new TourCommand(),
        new DatasetsCommand(),
        new DescribeCommand(),
        new SplitCommand(),
        new FitCommand(),
        new PredictCommand(),
        new EvaluateCommand(),
        new CvCommand(),
        new ExportCommand(),
        new PlotCommand(),
        new ReportCommand(),
    ];
}
