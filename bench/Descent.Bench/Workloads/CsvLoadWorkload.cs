using System.Globalization;
using System.Text;
using Descent.Data;
using Descent.Numerics.Random;

namespace Descent.Bench.Workloads;

/// <summary>
/// Loading a numeric CSV (header, 600,000 rows × 20 columns of "0.dddddd": about 108 MB, written once to the temp
/// folder and reused): Descent's CsvReader against numpy's <c>loadtxt</c> on the same file, and Sep as the .NET peer
/// (<see cref="Peers.SepCsvPeer"/>). RESULTS.md notes MB/s.
/// </summary>
public sealed class CsvLoadWorkload : Workload
{
    private const int Rows = 600_000, Columns = 20;
    private string? _path;

    public CsvLoadWorkload() => Peer = new Peers.SepCsvPeer(() => _path!);

    public override string Name => "csv-load";
    public override DotNetPeer Peer { get; }
    public override string Group => "data";
    public override int Warmups => 1;

    private static string Header => string.Join(',', Enumerable.Range(0, Columns).Select(c => "c" + c.ToString(CultureInfo.InvariantCulture))) + "\n";

    /// <summary>Every value prints as 8 characters (0.000000 .. 1.000000), so the size is known without the file.</summary>
    private static long Bytes => Header.Length + (long)Rows * (Columns * 8 + Columns);

    public override void Setup()
    {
        _path = Path.Combine(SharedData.Folder, "csv-load.csv");
        if (!File.Exists(_path) || new FileInfo(_path).Length != Bytes)
            Write(_path);
        SharedData.Check(this, "shape and sum of all values", () =>
        {
            var data = CsvReader.Read(_path);
            double sum = 0;
            for (int r = 0; r < data.Rows; r++)
                foreach (double v in data.Features.RowSpan(r))
                    sum += v;
            return [data.Rows, data.FeatureCount, sum];
        }, "(lambda a: [a.shape[0], a.shape[1], a.sum()])(np.loadtxt(PATH, delimiter=',', skiprows=1))", 1e-12);
    }

    private static void Write(string path)
    {
        var rng = new Rng(99);
        string temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            writer.Write(Header);
            var line = new StringBuilder(Columns * 9);
            for (int r = 0; r < Rows; r++)
            {
                line.Clear();
                for (int c = 0; c < Columns; c++)
                {
                    if (c > 0)
                        line.Append(',');
                    line.Append(rng.NextDouble().ToString("0.000000", CultureInfo.InvariantCulture));
                }
                line.Append('\n');
                writer.Write(line);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    public override void Run() => CsvReader.Read(_path!);

    public override string PythonSetup => $"""
        import numpy as np
        PATH = r"{_path}"
        REFERENCE = "numpy " + np.__version__ + " loadtxt"
        """;

    public override string PythonRun => "np.loadtxt(PATH, delimiter=',', skiprows=1)";

    public override string Note(ResultRow row)
    {
        double megabytes = Bytes / 1e6;
        string reference = row.ReferenceSeconds is { } s ? $", numpy.loadtxt {megabytes / s:F0} MB/s" : "";
        reference += row.PeerSeconds is { } p ? $", {row.Peer} {megabytes / p:F0} MB/s" : "";
        return $"csv-load ({row.Threads} thread{(row.Threads > 1 ? "s" : "")}): {Rows:N0}×{Columns} numeric CSV, {megabytes:F0} MB, " +
               $"file in the page cache: Descent CsvReader {megabytes / row.DescentSeconds:F0} MB/s{reference} (loadtxt is single-threaded).";
    }
}
