using System.Globalization;
using System.Text;
using Descent.Data;
using Descent.Numerics.Random;
using Descent.Preprocessing;

namespace Descent.Bench.Workloads;

/// <summary>
/// A user's table to a numeric matrix: a CSV of 600,000 rows × 20 columns (5 categorical of 8 categories, 15 numeric,
/// about 2 % empty cells; ~87 MB, written once to the temp folder), read by <see cref="TableReader"/> and turned into the
/// model's matrix by a ColumnTransformer (SimpleImputer(mean) on the numbers; SimpleImputer(most_frequent) then
/// OneHotEncoder on the categories), against what a Python user runs: pandas.read_csv then scikit-learn's
/// ColumnTransformer with the same steps (dense output). RESULTS.md notes MB/s of the read alone and the bytes
/// allocated per run against the size of the matrix produced.
/// </summary>
public sealed class TableLoadWorkload : Workload
{
    private const int Rows = 600_000, Categorical = 5, Numeric = 15, Categories = 8;
    private string? _path;
    private double _readSeconds;
    private long _allocated, _matrixBytes, _tableBytes;

    public override string Name => "table-load";
    public override string Group => "data";
    public override IReadOnlyList<int> Threads => [1];
    public override int Warmups => 1;

    private static string[] Names =>
        [.. Enumerable.Range(0, Categorical).Select(c => $"cat{c}"), .. Enumerable.Range(0, Numeric).Select(c => $"num{c}")];

    public override void Setup()
    {
        _path = Path.Combine(SharedData.Folder, "table-load.csv");
        if (!File.Exists(_path))
            Write(_path);
        // The read alone: the median of five reads after a warm-up one (the first read also compiles the reader), each
        // after a collection, so that collecting the table read before is not counted in the next read.
        var table = TableReader.Read(_path);
        var reads = new double[5];
        for (int r = 0; r < reads.Length; r++)
        {
            table = null!;
            GC.Collect();
            var start = System.Diagnostics.Stopwatch.StartNew();
            table = TableReader.Read(_path);
            reads[r] = start.Elapsed.TotalSeconds;
        }
        Array.Sort(reads);
        _readSeconds = reads[reads.Length / 2];
        _tableBytes = table.Columns.Sum(c => (long)c.Length * (c.Kind == ColumnKind.Category ? sizeof(int) : sizeof(double))) + 8L * table.Rows;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var x = Transform();
        _allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        _matrixBytes = (long)x.Rows * x.Columns * sizeof(double);
        SharedData.Check(this, "shape and sum of the matrix", () => [x.Rows, x.Columns, x.AsSpan().ToArray().Sum()],
            "(lambda m: [m.shape[0], m.shape[1], m.sum()])(TRANSFORM())", 1e-9);
    }

    private static void Write(string path)
    {
        var rng = new Rng(7);
        string temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            writer.Write(string.Join(',', Names) + "\n");
            var line = new StringBuilder();
            for (int r = 0; r < Rows; r++)
            {
                line.Clear();
                for (int c = 0; c < Categorical + Numeric; c++)
                {
                    if (c > 0)
                        line.Append(',');
                    if (rng.NextDouble() < 0.02)
                        continue;
                    if (c < Categorical)
                        line.Append("city").Append((char)('A' + (int)(rng.NextDouble() * Categories)));
                    else
                        line.Append((rng.NextDouble() * 1000).ToString("0.000", CultureInfo.InvariantCulture));
                }
                writer.Write(line.Append('\n'));
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private Numerics.Matrix<double> Transform()
    {
        var table = TableReader.Read(_path!);
        var columns = new ColumnTransformer(
            new ColumnSteps([.. Names.Skip(Categorical)], new SimpleImputer()),
            new ColumnSteps([.. Names.Take(Categorical)], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()));
        columns.FitTransform(table, out var x);
        return x;
    }

    public override void Run() => Transform();

    public override string PythonSetup => $$"""
        import numpy as np, pandas as pd, sklearn
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import OneHotEncoder
        PATH = r"{{_path}}"
        CATS = [f"cat{c}" for c in range({{Categorical}})]
        NUMS = [f"num{c}" for c in range({{Numeric}})]
        REFERENCE = "pandas " + pd.__version__ + " read_csv + scikit-learn " + sklearn.__version__
        def TRANSFORM():
            frame = pd.read_csv(PATH)
            columns = ColumnTransformer([
                ("num", SimpleImputer(), NUMS),
                ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("encode", OneHotEncoder(sparse=False))]), CATS)])
            return columns.fit_transform(frame)
        """;

    public override string PythonRun => "TRANSFORM()";

    public override string Note(ResultRow row)
    {
        double megabytes = new FileInfo(_path!).Length / 1e6;
        string reference = row.ReferenceSeconds is { } s ? $", pandas + scikit-learn {megabytes / s:F0} MB/s" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"table-load: {Rows:N0}×{Categorical + Numeric} CSV ({Categorical} categorical, {Numeric} numeric, 2 % empty), {megabytes:F0} MB: " +
            $"TableReader alone {megabytes / _readSeconds:F0} MB/s; to the matrix {megabytes / row.DescentSeconds:F0} MB/s{reference}; " +
            $"held at the end: the {_tableBytes / 1e6:F0} MB table and the {_matrixBytes / 1e6:F0} MB matrix " +
            $"({(double)(_tableBytes + _matrixBytes) / _matrixBytes:F2}× the matrix); allocated in all per run {_allocated / 1e6:F0} MB " +
            $"({(double)_allocated / _matrixBytes:F2}× the matrix, the table and the matrix included).");
    }
}
