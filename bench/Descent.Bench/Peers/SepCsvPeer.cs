using System.Globalization;
using nietras.SeparatedValues;

namespace Descent.Bench.Peers;

/// <summary>
/// Sep, the fastest .NET CSV parser, reading the csv-load file into one row-major array of doubles, as Descent's
/// CsvReader does: each row's columns parsed into a growing buffer on one thread, or with Sep's ParallelEnumerate
/// (rows parsed on <c>threads</c> threads, in order) on more.
/// </summary>
public sealed class SepCsvPeer : DotNetPeer
{
    private readonly Func<string> _path;
    private string? _file;

    /// <summary>A peer reading the file whose path <paramref name="path"/> gives after the workload's Setup.</summary>
    public SepCsvPeer(Func<string> path) => _path = path;

    public override string Label => $"Sep {VersionOf(typeof(Sep))}";

    public override void Setup() => _file = _path();

    public override void Run(int threads) => Read(threads);

    private (double[] Values, int Rows, int Columns) Read(int threads)
    {
        using var reader = Sep.Reader().FromFile(_file!);
        int columns = reader.Header.ColNames.Count;
        var values = new List<double>(1 << 20);
        if (threads == 1)
        {
            Span<double> row = new double[columns];
            foreach (var record in reader)
            {
                record[0..columns].Parse(row);
                values.AddRange(row);
            }
        }
        else
        {
            foreach (double[] row in reader.ParallelEnumerate(record => record[0..columns].ParseToArray<double>(), threads))
                values.AddRange(row);
        }
        return (values.ToArray(), values.Count / columns, columns);
    }

    public override string Check()
    {
        var (values, rows, columns) = Read(2);
        return string.Create(CultureInfo.InvariantCulture, $"shape {rows}×{columns}, sum of all values {values.Sum():R}");
    }
}
