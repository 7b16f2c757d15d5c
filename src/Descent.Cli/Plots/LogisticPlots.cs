using System.Globalization;
using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;
using Descent.Plotting;

namespace Descent.Cli.Plots;

/// <summary>The plot kinds of logistic regression's functions, which need no data: its cost per example and the sigmoid's saturation.</summary>
internal static class LogisticPlots
{
    public static IReadOnlyList<PlotKind> Kinds { get; } =
    [
        new("log-loss",
            "The cross-entropy cost of one example against the predicted probability ŷ: −log ŷ when its class is 1, " +
            "−log(1 − ŷ) when it is 0, up to --cost-max (default 5).\n\nExamples:\n" +
            "  descent plot log-loss --out log-loss.svg",
            () => [CommonOptions.Double("--cost-max", "The top of the cost axis.", 5, 0, 1e6, minExclusive: true)],
            (parse, options) => Figures.LogLoss(parse.GetValue((System.CommandLine.Option<double>)options[0]))),
        new("sigmoid",
            "The sigmoid σ(z) and its derivative σ′(z) = σ(1 − σ) on a log axis, over z in [−--z-max, --z-max] (default 12), with " +
            "the saturated zones |z| > --saturation (default 5) shaded, where the gradient vanishes.\n\nExamples:\n" +
            "  descent plot sigmoid --out sigmoid.svg",
            () =>
            [
                CommonOptions.Double("--z-max", "The half-width of the z axis.", 12, 0, 1000, minExclusive: true),
                CommonOptions.Double("--saturation", "Where the shaded saturated zones begin.", 5, 0, 1000, minExclusive: true),
            ],
            (parse, options) =>
            {
                double zMax = parse.GetValue((System.CommandLine.Option<double>)options[0]);
                double saturation = parse.GetValue((System.CommandLine.Option<double>)options[1]);
                if (!(saturation < zMax))
                    throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                        $"--saturation ({saturation}) must be below --z-max ({zMax})."));
                return Figures.SigmoidSaturation(zMax: zMax, saturation: saturation);
            }),
    ];
}
