using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.Preprocessing;
using Impute = Descent.Cli.Infrastructure.TableOptions.Impute;

namespace Descent.Cli.Models;

/// <summary>
/// What the CLI decides from a user's table and the "Real-world tables" options: the reading problems raised with
/// the option that fixes them, empty cells refused, imputed or their rows dropped, ID-like categorical columns refused,
/// and the <see cref="ColumnTransformer"/> that imputes, one-hot encodes and expands dates (none when every feature is
/// a number and nothing is imputed: the model file is then the plain numeric kind).
/// </summary>
internal static class TablePlan
{
    /// <summary>The training table with the rows <c>--impute drop</c> leaves out, the column step, and how many rows were dropped.</summary>
    public sealed record Result(Table Table, ColumnTransformer? Columns, int Dropped);

    /// <summary>Checks the training <paramref name="table"/> and builds its column step.</summary>
    /// <exception cref="DescentDataException">A reading problem, an empty cell without --impute, or an ID-like category column.</exception>
    public static Result ForFit(Table table, Impute impute, IReadOnlyList<string>? namedCategorical)
    {
        RaiseIssues(table);
        int dropped = 0;
        if (impute == Impute.Drop)
            (table, dropped) = DropRowsWithEmptyCells(table);
        else if (impute == Impute.None)
            RefuseEmptyCells(table, "give --impute mean, median or most-frequent to fill empty cells (or drop to leave those rows out)");
        if (table.Rows == 0)
            throw new DescentDataException($"{table.Source}: every row has an empty feature cell, so --impute drop leaves none; " +
                "impute them with --impute mean, median or most-frequent.", table.Source);
        foreach (var column in table.Columns.OfType<CategoricalColumn>())
        {
            int distinct = Distinct(column);
            if (namedCategorical is null && distinct > table.Rows / 2.0)
                throw new DescentDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{table.Source}, column {column.SourceIndex + 1} '{column.Name}': {distinct} distinct values in {table.Rows} rows, " +
                    $"an ID or free text rather than a category; leave it out with --exclude {column.Name}."),
                    table.Source, columnName: column.Name);
        }
        ImputeStrategy? strategy = impute switch
        {
            Impute.Mean => ImputeStrategy.Mean,
            Impute.Median => ImputeStrategy.Median,
            Impute.MostFrequent => ImputeStrategy.MostFrequent,
            _ => null,
        };
        if (strategy is null && table.Columns.All(c => c.Kind == ColumnKind.Number))
            return new Result(table, null, dropped);
        var entries = table.Columns.Select(column => new ColumnSteps([column.Name], Steps(column.Kind, strategy))).ToArray();
        return new Result(table, new ColumnTransformer(entries) { Remainder = Remainder.Drop }, dropped);
    }

    /// <summary>
    /// Checks a table read for a saved model (predict, evaluate): reading problems, and empty cells in columns the
    /// model has nothing to fill with. Returns the warning lines for categories the model never saw.
    /// </summary>
    /// <exception cref="DescentDataException">A reading problem, or an empty cell the model cannot fill.</exception>
    public static IReadOnlyList<string> ForPredict(Table table, Persistence.SavedModel model)
    {
        if (table.Issues.Count > 0 && table.Issues[0].Kind is TableIssueKind.MixedNumbersAndText or TableIssueKind.NotANumber)
        {
            var issue = table.Issues[0];
            throw new DescentDataException($"{issue.Problem} Fix the cell: the model reads '{issue.ColumnName}' as numbers.",
                issue.Source, issue.Line, issue.Column, issue.ColumnName);
        }
        RaiseIssues(table);
        var imputed = model.Columns?.Entries.Where(e => e.Steps.Any(s => s is SimpleImputerModel)).SelectMany(e => e.Columns).ToHashSet()
            ?? [];
        RefuseEmptyCells(table.Drop(table.ColumnNames.Where(imputed.Contains)),
            "the model was fitted without imputing this column (--impute mean, median or most-frequent), so there is nothing to " +
            "predict from: fill the cell or leave the row out");
        return model.Columns?.UnknownCategories(table).Select(u => string.Create(CultureInfo.InvariantCulture,
            $"{table.Source}: column '{u.Column}' holds categories not seen in training in {u.Rows} row{(u.Rows == 1 ? "" : "s")} " +
            $"(the first: '{u.First}'); they are encoded as all zeros.")).ToArray() ?? [];
    }

    /// <summary>The categorical columns of the model's inputs (read as categories again at predict).</summary>
    public static IReadOnlyList<string> CategoricalInputs(Persistence.SavedModel model) =>
        model.Columns?.Inputs.Where(i => i.Kind == ColumnKind.Category).Select(i => i.Name).ToArray() ?? [];

    /// <summary>The first problem found while reading, as an error with the option that fixes it.</summary>
    public static void RaiseIssues(Table table)
    {
        if (table.Issues.Count == 0)
            return;
        var issue = table.Issues[0];
        throw new DescentDataException($"{issue.Problem} {Hint(issue)}", issue.Source, issue.Line, issue.Column < 0 ? null : issue.Column,
            issue.ColumnName);
    }

    /// <summary>The CLI's fix for a reading problem.</summary>
    public static string Hint(TableIssue issue) => issue.Kind switch
    {
        TableIssueKind.ThousandsSeparator => $"Give --thousands {Quote(issue.Separator!.Value)}.",
        TableIssueKind.DecimalComma => "Give --decimal , (the delimiter then defaults to ;).",
        TableIssueKind.Infinite => "Fix the cell, or leave the row out.",
        TableIssueKind.BadDate => $"Fix the cell, or read the column as categories with --categorical {issue.ColumnName}.",
        TableIssueKind.OneColumn => $"Give --delimiter {Quote(issue.Separator!.Value)}.",
        _ => $"Fix the cell, read the column as categories with --categorical {issue.ColumnName}, or leave it out with --exclude {issue.ColumnName}.",
    };

    private static string Quote(char c) => c switch
    {
        '\t' => "tab",
        ' ' => "' '",
        ';' or '|' or '\'' => $"'{c}'",
        _ => c.ToString(),
    };

    private static ITableTransformer<IFittedTableTransformer>[] Steps(ColumnKind kind, ImputeStrategy? strategy) => kind switch
    {
        ColumnKind.Category when strategy is not null => [new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()],
        ColumnKind.Category => [new OneHotEncoder()],
        ColumnKind.Date when strategy is { } s => [new DateFeatures(), new SimpleImputer { Strategy = s }],
        ColumnKind.Date => [new DateFeatures()],
        _ when strategy is { } s => [new SimpleImputer { Strategy = s }],
        _ => [],
    };

    private static void RefuseEmptyCells(Table table, string fix)
    {
        int bestRow = int.MaxValue;
        TableColumn? bestColumn = null;
        foreach (var column in table.Columns)
        {
            int row = column.FirstMissing();
            if (row >= 0 && row < bestRow)
                (bestRow, bestColumn) = (row, column);
        }
        if (bestColumn is null)
            return;
        throw new DescentDataException($"{table.Where(bestRow, bestColumn)}: the cell is missing (empty, NA, NaN, null or ?) in a " +
            $"feature column; {fix}.", table.Source,
            table.LineOf(bestRow) ?? bestRow, bestColumn.SourceIndex, bestColumn.Name);
    }

    private static (Table, int) DropRowsWithEmptyCells(Table table)
    {
        var keep = Enumerable.Range(0, table.Rows).Where(i => !table.Columns.Any(c => c.IsMissing(i))).ToArray();
        return keep.Length == table.Rows ? (table, 0) : (table.Take(keep), table.Rows - keep.Length);
    }

    private static int Distinct(CategoricalColumn column)
    {
        var seen = new bool[column.Categories.Count];
        int count = 0;
        foreach (int code in column.Codes)
            if (code >= 0 && !seen[code])
            {
                seen[code] = true;
                count++;
            }
        return count;
    }
}
