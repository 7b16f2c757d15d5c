using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Data;
using Descent.ModelSelection;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent split --data X --test-size F --train-out A.csv --test-out B.csv [--stratify COL] [--seed N]</c>: the rows
/// as written, header first, into two files, as scikit-learn's train_test_split: a seeded random permutation,
/// ceil(F · rows) test rows, stratified by COL when given; every row lands in exactly one file (in the permutation's order).
/// </summary>
internal sealed class SplitCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var data = CommonOptions.Data();
        var testSize = CommonOptions.Double("--test-size", "The fraction of rows in the test file.", 0.25, 0, 1, minExclusive: true, maxExclusive: true);
        var trainOut = new Option<string>("--train-out") { Description = "The training rows' file (written atomically).", HelpName = "A.csv", Required = true };
        var testOut = new Option<string>("--test-out") { Description = "The test rows' file (written atomically).", HelpName = "B.csv", Required = true };
        var stratify = new Option<string?>("--stratify") { Description = "Keep each value's share of this column in both files.", HelpName = "COL" };
        var delimiter = TableOptions.Separators().Delimiter;
        var seed = CommonOptions.Seed();
        var command = new Command("split",
            "Split a CSV file's rows, as written and header first, into a training and a test file (scikit-learn's " +
            "train_test_split: a seeded permutation, ceil(F × rows) test rows, stratified by --stratify COL when given).\n\nExamples:\n" +
            "  descent split --data customers.csv --test-size 0.2 --train-out train.csv --test-out test.csv\n" +
            "  descent split --data iris --test-size 0.3 --stratify species --seed 7 --train-out a.csv --test-out b.csv")
        {
            data, testSize, trainOut, testOut, stratify, delimiter, seed,
        };
        command.SetAction(parse =>
        {
            string trainPath = OutputPath.Check(parse.GetValue(trainOut)!), testPath = OutputPath.Check(parse.GetValue(testOut)!);
            if (trainPath == testPath)
                throw new CliUsageException("--train-out and --test-out name the same file; give two files.");
            string source = parse.GetValue(data)!;
            Stream stream;
            string name = source;
            if (File.Exists(source))
                stream = File.OpenRead(source);
            else
            {
                DataSource.CheckName(source);
                if (!Datasets.IsEmbeddedCsv(source))
                    throw new CliUsageException($"--data '{source}' is not stored as CSV; export it first ('descent datasets export').");
                stream = Datasets.OpenCsv(source);
                name = Datasets.GetInfo(source).Name + ".csv";
            }
            string? column = parse.GetValue(stratify);
            var rows = CsvRows.Read(stream, name, parse.GetValue(delimiter), column);
            double size = parse.GetValue(testSize);
            long seedValue = parse.GetValue(seed);
            var indices = column is null
                ? TrainTestSplit.Indices(rows.Count, size, seed: seedValue)
                : TrainTestSplit.StratifiedIndices(rows.Column(column), size, seed: seedValue);
            Write(trainPath, rows, indices.Train);
            Write(testPath, rows, indices.Test);
            context.Status(parse, string.Create(CultureInfo.InvariantCulture,
                $"{name}: {rows.Count} rows; wrote {indices.Train.Length} to {parse.GetValue(trainOut)} and {indices.Test.Length} to {parse.GetValue(testOut)}"));
            return 0;
        });
        return command;
    }

    private static void Write(string path, CsvRows rows, int[] indices) =>
        AtomicFile.Write(path, stream =>
        {
            stream.Write(rows.HeaderBytes);
            stream.WriteByte((byte)'\n');
            foreach (int i in indices)
            {
                stream.Write(rows.Record(i));
                stream.WriteByte((byte)'\n');
            }
        });
}
