using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;

namespace Descent.Cli.Commands;

/// <summary><c>descent describe --data X</c>: loads data as a model would and summarises each column and the target's classes.</summary>
internal sealed class DescribeCommand : ICliCommand
{
    private const int MaxClassesShown = 30;

    public Command Build(CliContext context)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target("Default: none for a file, the last column for a dataset name.");
        var features = CommonOptions.Features();
        var command = new Command("describe",
            "Load data exactly as 'fit' would (same checks, same errors) and print its shape, per-column count, mean, " +
            "standard deviation, min and max, and the target's classes with their counts.\n\nExamples:\n" +
            "  descent describe --data iris\n  descent describe --data my.csv --target price\n" +
            "  descent describe --data my.csv --target label --features age,income")
        {
            data,
            target,
            features,
        };
        command.SetAction(parse =>
        {
            Dataset dataset = DataSource.Load(parse.GetValue(data)!, parse.GetValue(target), parse.GetValue(features));
            Describe(context, parse, dataset);
            return 0;
        });
        return command;
    }

    private static void Describe(CliContext context, ParseResult parse, Dataset data)
    {
        context.Status(parse, data.ToString());
        var rows = new List<IReadOnlyList<string>>();
        for (int j = 0; j < data.FeatureCount; j++)
            rows.Add(Summary(data.FeatureNames[j], "feature", data.Features.Column(j).ToArray()));
        if (data.Target is not null)
            rows.Add(Summary(data.TargetName!, "target", data.Target));
        TableWriter.Write(context, ["column", "role", "count", "mean", "std", "min", "max"], rows, new HashSet<int> { 2, 3, 4, 5, 6 });

        if (!data.HasTarget)
            return;
        ClassLabels labels = data.RequireClassLabels();
        if (labels.Classes.Count > MaxClassesShown)
        {
            context.Status(parse, $"target '{data.TargetName}': {labels.Classes.Count} distinct values (a regression target)");
            return;
        }
        var counts = new int[labels.Classes.Count];
        foreach (int index in labels.Indices)
            counts[index]++;
        context.Status(parse, "");
        var classRows = labels.Classes
            .Select((label, k) => (IReadOnlyList<string>)
            [
                label.Text, counts[k].ToString(CultureInfo.InvariantCulture),
                ((double)counts[k] / labels.Count).ToString("0.000", CultureInfo.InvariantCulture),
            ])
            .ToList();
        TableWriter.Write(context, ["class", "count", "fraction"], classRows, new HashSet<int> { 1, 2 });
    }

    private static IReadOnlyList<string> Summary(string name, string role, double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return
        [
            name, role, values.Length.ToString(CultureInfo.InvariantCulture), Format(mean), Format(Math.Sqrt(variance)),
            Format(values.Min()), Format(values.Max()),
        ];
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
