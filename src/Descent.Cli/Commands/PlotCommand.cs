using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Cli.Plots;
using Descent.Plotting;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent plot KIND ... --out FILE.svg</c>: one figure per run, one subcommand per KIND. Kinds that draw a
/// fitted model (<see cref="ModelPlots"/>) read <c>--model</c>; kinds that draw training curves
/// (<see cref="TrainingPlots"/>) train a MODEL of the catalogue on <c>--data</c>. The SVG is written atomically.
/// </summary>
internal sealed class PlotCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var plot = new Command("plot",
            "Draw one figure as an SVG file. KIND is one of: " + string.Join(", ", Kinds.Select(k => k.Name)) +
            ". 'descent plot KIND --help' lists the options of each.\n\nExamples:\n" +
            "  descent fit linear --solver gd --data food_truck --target profit_10k_usd --out truck.json\n" +
            "  descent plot cost-surface --model truck.json --data food_truck --out cost.svg\n" +
            "  descent plot roc --model exam.json --data exam_scores --out roc.svg\n" +
            "  descent plot learning-curve ridge --data diabetes --out learning.svg\n" +
            "  descent plot activations --out activations.svg");
        var listing = new System.Text.StringBuilder("\n\nEach KIND and its options (--out is required by all):");
        foreach (PlotKind kind in Kinds)
        {
            Command command = kind.Build(context);
            plot.Add(command);
            var names = command.Options.Select(o => o.Name).Where(n => n is not "--out" and not CommonOptions.ThreadsName);
            listing.Append($"\n  {kind.Name}{(kind.TakesModelArgument ? " [MODEL [model options]]" : "")}: {string.Join(" ", names)}");
        }
        plot.Description += listing.ToString();
        return plot;
    }

    /// <summary>Every KIND, in the order of the CLI contract.</summary>
    public static IReadOnlyList<PlotKind> Kinds { get; } = [.. ModelPlots.Kinds, .. TrainingPlots.Kinds, .. DescentPlots.Kinds, .. LogisticPlots.Kinds];
}

/// <summary>
/// One KIND of <c>descent plot</c>: its name, help text with examples, its own options, and how a parse result
/// becomes a figure. <see cref="Build"/> adds <c>--out</c> and the action that checks the destination first, draws,
/// and writes the SVG atomically.
/// </summary>
internal sealed class PlotKind
{
    private readonly Func<PlotSetup> _setup;

    /// <summary>A kind whose options come from <paramref name="options"/> and whose figure from <paramref name="draw"/>.</summary>
    public PlotKind(string name, string description, Func<IReadOnlyList<Option>> options, Func<ParseResult, IReadOnlyList<Option>, Figure> draw)
        : this(name, description, () =>
        {
            var made = options();
            return new PlotSetup(made, parse => draw(parse, made));
        })
    {
    }

    /// <summary>A kind built by <paramref name="setup"/> (fresh options and the draw function that reads them).</summary>
    public PlotKind(string name, string description, Func<PlotSetup> setup, bool takesModelArgument = false)
    {
        Name = name;
        Description = description;
        _setup = setup;
        TakesModelArgument = takesModelArgument;
    }

    /// <summary>The KIND as typed.</summary>
    public string Name { get; }

    /// <summary>Help text, ending with examples.</summary>
    public string Description { get; }

    /// <summary>True when the kind trains a MODEL of the catalogue, whose options follow it and are parsed by the catalogue.</summary>
    public bool TakesModelArgument { get; }

    /// <summary>The subcommand.</summary>
    public Command Build(CliContext context)
    {
        var setup = _setup();
        var output = CommonOptions.Out("The SVG file to write (replaced atomically if it exists).");
        var threads = CommonOptions.Threads();
        var command = new Command(Name, Description) { output, threads };
        foreach (Option option in setup.Options)
            command.Add(option);
        if (TakesModelArgument)
        {
            command.Add(TrainedModels.ModelArgument());
            command.TreatUnmatchedTokensAsErrors = false;
        }
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            OutputPath.Check(path, parse);
            Figure figure = setup.Draw(parse);
            AtomicFile.WriteText(path, writer => writer.Write(figure.ToSvg()));
            context.Status(parse, $"wrote {path}");
            return 0;
        });
        return command;
    }
}

/// <summary>The options of one plot command and the function that draws its figure from their parsed values.</summary>
internal sealed record PlotSetup(IReadOnlyList<Option> Options, Func<ParseResult, Figure> Draw);
