using Descent.Data;

namespace Descent.Tests.Cli;

/// <summary>The few end-to-end runs of the real program that the success paths need.</summary>
public class CliProcessTests
{
    [Fact]
    public void NoArguments_PrintsHelpListingTheCommands()
    {
        using var scratch = new ScratchDirectory();
        var result = CliProcess.Run(scratch.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("datasets", result.Stdout);
        Assert.Contains("describe", result.Stdout);
        Assert.Contains("Examples:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Datasets_PrintsOnePlainRowPerDataset()
    {
        using var scratch = new ScratchDirectory();
        var result = CliProcess.Run(scratch.Path, "datasets");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["name", "rows", "columns", "task", "target"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (DatasetInfo info in Datasets.List())
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var cells
                && cells[0] == info.Name && cells[1] == info.Rows.ToString() && cells[2] == info.Columns.ToString() && cells[^1] == info.Target);
        Assert.Equal(Datasets.List().Count + 1, lines.Length);
    }

    [Fact]
    public void DatasetsExport_WritesTheShippedCsv_ReplacingAnExistingFileAtomically()
    {
        using var scratch = new ScratchDirectory();
        string output = Path.Combine(scratch.Path, "wine.csv");
        File.WriteAllText(output, "old content");
        var result = CliProcess.Run(scratch.Path, "datasets", "export", "wine", "--out", "wine.csv", "--quiet");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        using var shipped = new MemoryStream();
        Datasets.OpenCsv("wine").CopyTo(shipped);
        Assert.Equal(shipped.ToArray(), File.ReadAllBytes(output));
        Assert.Equal([output], Directory.GetFiles(scratch.Path));   // no temporary file left behind
    }

    [Fact]
    public void Describe_LoadsAFileWithStringLabels_AndCountsClassesAsWritten()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(Path.Combine(scratch.Path, "pets.csv"), "weight,height,kind\n4,30,cat\n30,60,dog\n5,25,\"cat\"\n");
        var result = CliProcess.Run(scratch.Path, "describe", "--data", "pets.csv", "--target", "kind");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pets.csv: 3 rows × 2 features, target 'kind'", result.Stdout);
        string[] lines = result.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(["cat", "2", "0.667"]));
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(["dog", "1", "0.333"]));
        Assert.Equal("", result.Stderr);
    }
}
