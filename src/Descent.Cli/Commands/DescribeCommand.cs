using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Cli.Models;
using Descent.Data;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent describe --data X [--target COL]</c>: one row per column — its role, its type as read (number, category,
/// date, text, mixed), empty cells, distinct values, min/mean/max or the most frequent values — then what <c>fit</c>
/// would need (<c>--thousands</c>, <c>--impute</c>, <c>--exclude</c>, ...) and the target's classes. It reads every
/// column with the issues collected, so it never fails on a column that <c>fit</c> would refuse.
/// </summary>
internal sealed class DescribeCommand : ICliCommand
{
    private const int MaxClassesShown = 30;

    public Command Build(CliContext context)
    {
        var data = CommonOptions.Data();
        var target = CommonOptions.Target("Default: none for a file, the last column for a dataset name.");
        var features = CommonOptions.Features();
        var tableOptions = TableOptions.All();
        var command = new Command("describe",
            "Describe each column as 'fit' would read it: its role, type (number, category, date, text, mixed), empty cells, " +
            "distinct values, min/mean/max or the most frequent values; then what 'fit' needs (--thousands, --impute, " +
            "--exclude, --categorical, ...) and the target's classes with their counts. It never fails on a column that 'fit' " +
            "would refuse.\n\nExamples:\n" +
            "  descent describe --data iris\n  descent describe --data customers.csv --target segment\n" +
            "  descent describe --data sales.csv --decimal , --thousands .")
        {
            data,
            target,
            features,
        };
        foreach (Option option in tableOptions.Options)
            command.Add(option);
        command.SetAction(parse =>
        {
            string source = parse.GetValue(data)!;
            string? targetName = parse.GetValue(target) ?? (File.Exists(source) || !Datasets.Exists(source) ? null : Datasets.GetInfo(source).Target);
            var options = tableOptions.ReadOptions(parse, null, null) with { Exclude = null };
            Table table = TableSource.Load(source, options, datasetTarget: false);
            if (targetName is not null)
                table.Column(targetName, "target");
            var chosen = parse.GetValue(features) is { Length: > 0 } list ? list.ToHashSet() : null;
            foreach (string name in chosen ?? [])
                if (table.Column(name, "feature").Name == targetName)
                    throw new CliUsageException($"{table.Source}: the column '{name}' is both the target and a feature; leave the target out of the features.");
            foreach (string name in parse.GetValue(tableOptions.Exclude!) ?? [])
                table.Column(name, "column to exclude");
            var excluded = (parse.GetValue(tableOptions.Exclude!) ?? []).ToHashSet();
            string Role(string name) => name == targetName ? "target"
                : excluded.Contains(name) || (chosen is not null && !chosen.Contains(name)) ? "excluded" : "feature";
            Describe(context, parse, table, targetName, Role);
            if (targetName is not null && table[targetName].MissingCount == 0 && table.Columns.Count > 1)
                Classes(context, parse, targetName, TableSource.Load(source, options with
                {
                    Target = targetName, Features = [table.ColumnNames.First(n => n != targetName)], CategoricalColumns = null,
                }, datasetTarget: false).RequireClassLabels());
            return 0;
        });
        return command;
    }

    private static void Describe(CliContext context, ParseResult parse, Table table, string? targetName, Func<string, string> role)
    {
        int featureCount = table.Columns.Count(c => role(c.Name) == "feature");
        context.Status(parse, string.Create(CultureInfo.InvariantCulture,
            $"{table.Source}: {table.Rows} row{(table.Rows == 1 ? "" : "s")} × {featureCount} feature{(featureCount == 1 ? "" : "s")}{(targetName is null ? "" : $", target '{targetName}'")}"));
        var rows = table.Columns.Select(c => Row(c, role(c.Name), table)).ToList();
        TableWriter.Write(context, ["column", "role", "type", "empty", "distinct", "summary"], rows, new HashSet<int> { 3, 4 });

        var needs = Needs(table, role).ToList();
        if (needs.Count > 0)
        {
            context.Status(parse, "");
            context.Status(parse, "fit needs:");
            foreach (string need in needs)
                context.Status(parse, "  " + need);
        }
    }

    private static IReadOnlyList<string> Row(TableColumn column, string role, Table table)
    {
        var issue = table.Issues.FirstOrDefault(i => i.ColumnName == column.Name && i.Column == column.SourceIndex);
        int distinct = Enumerable.Range(0, column.Length).Select(column.Text).Where(t => t is not null).Distinct().Count();
        string type = issue?.Kind is TableIssueKind.MixedNumbersAndText or TableIssueKind.NotANumber or TableIssueKind.BadDate ? "mixed"
            : column.Kind switch
            {
                ColumnKind.Number => "number",
                ColumnKind.Date => "date",
                _ => distinct > table.Rows / 2.0 ? "text" : "category",
            };
        return [column.Name, role, type, column.MissingCount.ToString(CultureInfo.InvariantCulture),
            distinct.ToString(CultureInfo.InvariantCulture), Summary(column)];
    }

    private static string Summary(TableColumn column)
    {
        switch (column)
        {
            case NumericColumn numeric:
                var values = numeric.Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
                return values.Length == 0 ? "" : $"min {Format(values.Min())}, mean {Format(values.Average())}, max {Format(values.Max())}";
            case DateColumn:
                var dates = Enumerable.Range(0, column.Length).Where(i => !column.IsMissing(i)).Select(column.Text).Order(StringComparer.Ordinal).ToArray();
                return dates.Length == 0 ? "" : $"from {dates[0]} to {dates[^1]}";
            default:
                var top = Enumerable.Range(0, column.Length).Select(column.Text).Where(t => t is not null).GroupBy(t => t!)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{Shorten(g.Key)} ({g.Count()})"));
                return "most frequent: " + string.Join(", ", top);
        }
    }

    /// <summary>What fit would refuse, with the option that fixes each: reading problems, empty cells, IDs and free text.</summary>
    private static IEnumerable<string> Needs(Table table, Func<string, string> role)
    {
        foreach (var issue in table.Issues.Where(i => i.Column < 0 || role(i.ColumnName) == "feature"))
            yield return $"{issue.Problem} {TablePlan.Hint(issue)}";
        var empty = table.Columns.Where(c => role(c.Name) == "feature" && c.MissingCount > 0).ToArray();
        if (empty.Length > 0)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"--impute mean, median, most-frequent or drop: {empty.Sum(c => c.MissingCount)} empty cells in {string.Join(", ", empty.Select(c => c.Name))}.");
        var target = table.Columns.FirstOrDefault(c => role(c.Name) == "target");
        if (target is not null && target.MissingCount > 0)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"the target '{target.Name}' has {target.MissingCount} empty cells: fill them or delete those rows (a target cannot be imputed).");
        foreach (var column in table.Columns.OfType<CategoricalColumn>().Where(c => role(c.Name) == "feature"))
        {
            int distinct = Enumerable.Range(0, column.Length).Select(column.Text).Where(t => t is not null).Distinct().Count();
            if (distinct > table.Rows / 2.0 && !table.Issues.Any(i => i.ColumnName == column.Name))
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"--exclude {column.Name}: {distinct} distinct values in {table.Rows} rows, an ID or free text rather than a category.");
        }
    }

    /// <summary>The target's classes as written, with their counts (a target of many values is called a regression target).</summary>
    private static void Classes(CliContext context, ParseResult parse, string target, ClassLabels classes)
    {
        if (classes.Classes.Count > MaxClassesShown)
        {
            context.Status(parse, $"target '{target}': {classes.Classes.Count} distinct values (a regression target)");
            return;
        }
        var counts = new int[classes.Classes.Count];
        foreach (int index in classes.Indices)
            counts[index]++;
        context.Status(parse, "");
        var rows = classes.Classes.Select((label, k) => (IReadOnlyList<string>)
        [
            label.Text, counts[k].ToString(CultureInfo.InvariantCulture),
            ((double)counts[k] / classes.Count).ToString("0.000", CultureInfo.InvariantCulture),
        ]).ToList();
        TableWriter.Write(context, ["class", "count", "fraction"], rows, new HashSet<int> { 1, 2 });
    }

    private static string Shorten(string text) => text.Length > 24 ? text[..21] + "..." : text;

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
