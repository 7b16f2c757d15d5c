using System.Diagnostics;
using System.Text;
using Descent.Tests.Files;

namespace Descent.Tests.Cli;

/// <summary>
/// Output files of the real program (issue 17, items 1–4): a device, FIFO or /dev/stdout is written in place and never
/// replaced, a symbolic link is followed and kept, <c>--out</c> naming an input is refused, a report never deletes
/// files it did not write, and a process ended by a signal while writing leaves no temporary file.
/// </summary>
public class OutputFileTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Cli", "BadInputs");
    private static readonly string Model = Path.Combine(Corpus, "model_ab.json");
    private static readonly string Good = Path.Combine(Corpus, "good.csv");

    [SkippableFact]
    public void Predict_IntoACopyOfDevNull_ExitsZero_AndTheDeviceStays()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mknod needs root on Linux");
        using var scratch = new ScratchDirectory();
        string device = Path.Combine(scratch.Path, "null");
        AtomicFileTests.Run("mknod", device, "c", "1", "3");

        var result = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", Good, "--out", device, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(FileKind.Special, FileStatus.Kind(device, followLinks: false));
        Assert.Equal([device], Directory.GetFileSystemEntries(scratch.Path));
    }

    [SkippableFact]
    public void Predict_IntoACopyOfDevFull_IsExit2NoSpace_AndTheDeviceStays()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mknod needs root on Linux");
        using var scratch = new ScratchDirectory();
        string device = Path.Combine(scratch.Path, "full");
        AtomicFileTests.Run("mknod", device, "c", "1", "7");

        var result = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", Good, "--out", device);

        CliProcess.AssertBadInput(result);
        Assert.Contains("No space left on device", result.Stderr);
        Assert.Equal(FileKind.Special, FileStatus.Kind(device, followLinks: false));
    }

    [SkippableFact]
    public void Predict_IntoDevStdout_WritesThePredictionsToStdout()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/dev/stdout");
        using var scratch = new ScratchDirectory();
        var result = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", Good, "--out", "/dev/stdout", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        var plain = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", Good);
        Assert.Equal(plain.Stdout, result.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
    }

    [SkippableFact]
    public void Predict_ThroughASymbolicLink_ReplacesItsTarget_AndKeepsTheLink()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "symbolic links");
        using var scratch = new ScratchDirectory();
        string target = Path.Combine(scratch.Path, "predictions.csv");
        File.WriteAllText(target, "old\n");
        string link = Path.Combine(scratch.Path, "latest.csv");
        File.CreateSymbolicLink(link, "predictions.csv");

        var result = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", Good, "--out", "latest.csv", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("predictions.csv", new FileInfo(link).LinkTarget);
        Assert.StartsWith("prediction\n", File.ReadAllText(target));
        Assert.Equal(2, Directory.GetFileSystemEntries(scratch.Path).Length);
    }

    [SkippableFact]
    public void OutputThatIsAnInputThroughALink_IsRefused_AndTheInputKept()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "symbolic links");
        using var scratch = new ScratchDirectory();
        string data = Path.Combine(scratch.Path, "data.csv");
        File.Copy(Good, data);
        File.CreateSymbolicLink(Path.Combine(scratch.Path, "alias.csv"), "data.csv");

        var result = CliProcess.Run(scratch.Path, "predict", "--model", Model, "--data", "data.csv", "--out", "alias.csv");

        CliProcess.AssertBadInput(result);
        Assert.Contains("--out 'alias.csv' is the file of --data 'data.csv'", result.Stderr);
        Assert.Equal(File.ReadAllBytes(Good), File.ReadAllBytes(data));
    }

    [Fact]
    public void Report_IntoAFolderWithTheUsersFiles_IsRefused_AndAnEarlierReportIsReplacedWhole()
    {
        using var scratch = new ScratchDirectory();
        string folder = Path.Combine(scratch.Path, "docs");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "01-architecture.svg"), "<svg>mine</svg>");
        File.WriteAllText(Path.Combine(folder, "index.html"), "my page");
        string[] args = ["report", "tree-regressor", "--data", "diabetes", "--target", "progression", "--max-depth", "2", "--quiet", "--out"];

        var refused = CliProcess.Run(scratch.Path, [.. args, "docs"]);

        CliProcess.AssertBadInput(refused);
        Assert.Contains("2 files that Descent did not write (01-architecture.svg, index.html)", refused.Stderr);
        Assert.Equal("<svg>mine</svg>", File.ReadAllText(Path.Combine(folder, "01-architecture.svg")));
        Assert.Equal("my page", File.ReadAllText(Path.Combine(folder, "index.html")));

        var first = CliProcess.Run(scratch.Path, [.. args, "report"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = CliProcess.Run(scratch.Path, "report", "ridge", "--data", "diabetes", "--target", "progression", "--quiet", "--out", "report");
        Assert.True(second.ExitCode == 0, second.ToString());
        string[] files = Directory.GetFiles(Path.Combine(scratch.Path, "report")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.DoesNotContain("03-tree.svg", files);   // the tree report's figures went with it
        Assert.Equal(2, Directory.GetFileSystemEntries(scratch.Path).Length);   // docs and report, no temporary folder
    }

    [SkippableTheory]
    [InlineData(15)]
    [InlineData(2)]
    [InlineData(1)]
    public void Predict_EndedByASignalWhileWriting_LeavesNoTemporaryFile(int signal)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals sent with kill");
        using var scratch = new ScratchDirectory();
        string data = Path.Combine(scratch.Path, "big.csv");
        WriteRows(data, 1_500_000);
        string output = Path.Combine(scratch.Path, "out.csv");
        File.WriteAllText(output, "old\n");

        using var process = CliProcess.Start(scratch.Path, "predict", "--model", Model, "--data", data, "--out", output);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string? temporary = null;
        var clock = Stopwatch.StartNew();
        while (temporary is null && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(50))
        {
            temporary = Directory.GetFiles(scratch.Path, ".out.csv.*.tmp").FirstOrDefault();
            Thread.Sleep(1);
        }
        Assert.True(temporary is not null, "no temporary file seen while predicting");   // (stderr.Result would wait for the end)
        int killed = Kill(process.Id, signal);
        Assert.True(killed == 0, $"kill: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));

        Assert.True(process.ExitCode == 128 + signal, $"exit {process.ExitCode}: {stderr.Result}");
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal([data, output], Directory.GetFiles(scratch.Path).Order(StringComparer.Ordinal));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void WriteRows(string path, int rows)
    {
        var text = new StringBuilder("a,b\n", rows * 12);
        for (int i = 0; i < rows; i++)
            text.Append(i % 1000).Append(',').Append(i % 7).Append('\n');
        File.WriteAllText(path, text.ToString());
    }
}
