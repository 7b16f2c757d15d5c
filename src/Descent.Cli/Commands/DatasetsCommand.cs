using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;

namespace Descent.Cli.Commands;

/// <summary><c>descent datasets</c> (the table of datasets) and <c>descent datasets export NAME --out FILE.csv</c>.</summary>
internal sealed class DatasetsCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var command = new Command("datasets",
            "List the datasets built into descent: name, rows, columns, task and target (the last column). " +
            "Any command's --data accepts these names; --verbose adds a description and the source of each.\n\nExamples:\n  descent datasets\n  descent datasets --verbose\n" +
            "  descent datasets export iris --out iris.csv\n  descent describe --data wine");
        command.SetAction(parse => List(context, context.IsVerbose(parse)));

        var name = new Argument<string>("NAME") { Description = "The dataset to export (see 'descent datasets')." };
        var output = CommonOptions.Out("The CSV file to write (replaced atomically if it exists).");
        var export = new Command("export",
            "Write a dataset as a CSV file (header row, target last). Embedded datasets are written byte for byte " +
            "as shipped.\n\nExamples:\n  descent datasets export iris --out iris.csv\n" +
            "  descent datasets export food_truck --out data/food_truck.csv")
        {
            name,
            output,
        };
        export.SetAction(parse => Export(context, parse, parse.GetValue(name)!, parse.GetValue(output)!));
        command.Add(export);
        return command;
    }

    private static int List(CliContext context, bool verbose)
    {
        var rows = Datasets.List()
            .Select(d => (IReadOnlyList<string>)
            [
                d.Name, d.Rows.ToString(CultureInfo.InvariantCulture), d.Columns.ToString(CultureInfo.InvariantCulture), d.Task, d.Target,
                .. verbose ? [d.Description] : Array.Empty<string>(),
            ])
            .ToList();
        string[] headers = ["name", "rows", "columns", "task", "target", .. verbose ? ["description"] : Array.Empty<string>()];
        TableWriter.Write(context, headers, rows, new HashSet<int> { 1, 2 });
        return 0;
    }

    private static int Export(CliContext context, ParseResult parse, string name, string path)
    {
        OutputPath.Check(path);
        DatasetInfo info = Datasets.GetInfo(name);
        if (!Datasets.IsEmbeddedCsv(info.Name))
        {
            Dataset data = Datasets.Load(info.Name);
            AtomicFile.Write(path, stream => CsvWriter.Write(data, stream));
        }
        else
        {
            AtomicFile.Write(path, stream =>
            {
                using Stream source = Datasets.OpenCsv(info.Name);
                source.CopyTo(stream);
            });
        }
        context.Status(parse, string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {info.Name}, {info.Rows} rows × {info.Columns} columns (target '{info.Target}', last)"));
        return 0;
    }
}
