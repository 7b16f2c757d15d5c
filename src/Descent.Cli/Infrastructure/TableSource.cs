using Descent.Data;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Reads <c>--data X</c> as a <see cref="Table"/>: a CSV file when such a file exists (a Parquet file by its
/// extension), otherwise an embedded dataset (its CSV, target defaulting to the last column; Fashion-MNIST from its
/// IDX files), otherwise the errors of <see cref="DataSource"/>.
/// </summary>
internal static class TableSource
{
    /// <summary>The table of <paramref name="data"/> read with <paramref name="options"/>; a dataset's target defaults to its last
    /// column unless <paramref name="datasetTarget"/> is false.</summary>
    /// <exception cref="CliUsageException">X is neither a file nor a dataset name, or is a directory.</exception>
    /// <exception cref="DescentDataException">The file is malformed (the message names file, line and column).</exception>
    public static Table Load(string data, TableReadOptions options, bool datasetTarget = true)
    {
        try
        {
            return Read(data, options, datasetTarget);
        }
        catch (DescentDataException e) when (TableIssue.Of(e) is { } issue)
        {
            throw new DescentDataException($"{issue.Problem} {Models.TablePlan.Hint(issue)}", issue.Source, issue.Line, null, issue.ColumnName);
        }
    }

    private static Table Read(string data, TableReadOptions options, bool datasetTarget)
    {
        if (File.Exists(data))
            return Parquet.ParquetTableReader.LooksLikeParquet(data) ? Parquet.ParquetTableReader.Read(data, options) : TableReader.Read(data, options);
        DataSource.CheckName(data);
        if (Datasets.IsEmbeddedCsv(data))
        {
            var info = Datasets.GetInfo(data);
            return TableReader.Read(Datasets.OpenCsv(data), $"{info.Name}.csv",
                options with { LastColumnIsTarget = datasetTarget && options.Target is null });
        }
        var dataset = Datasets.Load(data, new CsvReadOptions { Target = options.Target, Features = options.Features });
        var table = Table.FromDataset(dataset);
        return options.Exclude is { } exclude ? table.Drop(exclude) : table;
    }
}
