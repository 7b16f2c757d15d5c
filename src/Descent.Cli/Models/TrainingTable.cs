using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Preprocessing;

namespace Descent.Cli.Models;

/// <summary>What fit, report and cv train on: the table read with the "Real-world tables" options, checked by
/// <see cref="TablePlan"/>, and the preprocessing pipeline (column step, then --degree and --standardize).</summary>
internal static class TrainingTable
{
    public static (Table Table, Pipeline Pipeline, int Dropped) Load(ParseResult parse, TableOptions options, PreprocessingOptions preprocessing,
        string data, string? target, IReadOnlyList<string>? features)
    {
        var readOptions = options.ReadOptions(parse, target, features);
        var table = TableSource.Load(data, readOptions);
        var plan = TablePlan.ForFit(table, options.ImputeChoice(parse), readOptions.CategoricalColumns);
        var steps = preprocessing.Build(parse, plan.Table.Columns.Count);
        var pipeline = plan.Columns is null ? steps : new Pipeline(plan.Columns, [.. steps.Steps]);
        return (plan.Table, pipeline, plan.Dropped);
    }

    /// <summary>", 3 rows with empty cells dropped" or "".</summary>
    public static string DroppedNote(int dropped) => dropped == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $" ({dropped} row{(dropped == 1 ? "" : "s")} with empty cells dropped)");
}
