using System.Diagnostics;
using Descent.Tests.Cli;

namespace Descent.Tests.Files;

/// <summary>
/// <see cref="AtomicFile"/> on what is not a plain file: devices and FIFOs are written in place and stay what they
/// are, a symbolic link is followed and its target replaced while the link stays, stale temporary files of dead
/// processes are removed by the next write, and in-flight temporary files are removed on request (what a signal does).
/// </summary>
public class AtomicFileTests
{
    [SkippableFact]
    public void CharacterDevice_IsWrittenInPlace_AndStaysADevice()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mknod needs root on Linux");
        using var scratch = new ScratchDirectory();
        string device = Path.Combine(scratch.Path, "null");
        Run("mknod", device, "c", "1", "3");   // a copy of /dev/null

        AtomicFile.WriteAllText(device, "prediction\n1\n");

        Assert.Equal(FileKind.Special, FileStatus.Kind(device, followLinks: false));
        Assert.Equal([device], Directory.GetFileSystemEntries(scratch.Path));
    }

    [SkippableFact]
    public void FullDevice_FailsWithNoSpace_AndStaysADevice()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "mknod needs root on Linux");
        using var scratch = new ScratchDirectory();
        string device = Path.Combine(scratch.Path, "full");
        Run("mknod", device, "c", "1", "7");   // a copy of /dev/full

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(device, new string('x', 100_000)));

        Assert.Contains("space", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FileKind.Special, FileStatus.Kind(device, followLinks: false));
        Assert.Equal([device], Directory.GetFileSystemEntries(scratch.Path));
    }

    [SkippableFact]
    public void Fifo_IsWrittenInPlace()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo on Linux");
        using var scratch = new ScratchDirectory();
        string fifo = Path.Combine(scratch.Path, "pipe");
        Run("mkfifo", fifo);
        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));

        AtomicFile.WriteAllText(fifo, "through the pipe\n");

        Assert.True(reader.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal("through the pipe\n", reader.Result);
        Assert.Equal(FileKind.Special, FileStatus.Kind(fifo, followLinks: false));
    }

    [SkippableFact]
    public void SymbolicLink_IsFollowed_ItsTargetReplaced_AndTheLinkKept()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "symbolic links");
        using var scratch = new ScratchDirectory();
        Directory.CreateDirectory(Path.Combine(scratch.Path, "real"));
        string target = Path.Combine(scratch.Path, "real", "model.json");
        File.WriteAllText(target, "old");
        string link = Path.Combine(scratch.Path, "model.json");
        File.CreateSymbolicLink(link, Path.Combine("real", "model.json"));
        string second = Path.Combine(scratch.Path, "again.json");
        File.CreateSymbolicLink(second, link);   // a chain of two links

        AtomicFile.WriteAllText(second, "new");

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(FileKind.Link, FileStatus.Kind(link, followLinks: false));
        Assert.Equal(FileKind.Link, FileStatus.Kind(second, followLinks: false));
        Assert.Equal(Path.Combine("real", "model.json"), new FileInfo(link).LinkTarget);
        Assert.Equal([target], Directory.GetFiles(Path.Combine(scratch.Path, "real")));
    }

    [SkippableFact]
    public void LinkToAnOpenDescriptor_IsWrittenThroughIt_NotReplaced()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc/self/fd");
        using var scratch = new ScratchDirectory();
        string file = Path.Combine(scratch.Path, "out.csv");
        using var open = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite);
        open.Write("first\n"u8);
        open.Flush();
        string link = Path.Combine(scratch.Path, "descriptor");
        File.CreateSymbolicLink(link, $"/proc/self/fd/{open.SafeFileHandle.DangerousGetHandle()}");

        AtomicFile.WriteAllText(link, "second\n");

        Assert.Equal(FileKind.Link, FileStatus.Kind(link, followLinks: false));
        Assert.Equal("first\nsecond\n", File.ReadAllText(file));   // appended, as `>>` would, to the same file
        Assert.Equal(2, Directory.GetFileSystemEntries(scratch.Path).Length);
    }

    [Fact]
    public void StaleTemporaryFiles_OfDeadProcesses_AreRemovedByTheNextWrite_OthersKept()
    {
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "model.json");
        string dead = Path.Combine(scratch.Path, $".model.json.{DeadPid()}.{Guid.NewGuid():N}.tmp");
        string alive = Path.Combine(scratch.Path, $".model.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string otherTarget = Path.Combine(scratch.Path, $".other.json.{DeadPid()}.{Guid.NewGuid():N}.tmp");
        string notOurs = Path.Combine(scratch.Path, ".model.json.notes.tmp");
        foreach (string file in new[] { dead, alive, otherTarget, notOurs })
            File.WriteAllText(file, "half");

        AtomicFile.WriteAllText(path, "new");

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(alive));
        Assert.True(File.Exists(otherTarget));
        Assert.True(File.Exists(notOurs));
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void RemoveInFlight_RemovesTheTemporaryFileBeingWritten_AndTheTargetIsUntouched()
    {
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "out.csv");
        File.WriteAllText(path, "old");
        string[] during = [];
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write("half");
            writer.Flush();
            during = Directory.GetFiles(scratch.Path, ".out.csv.*.tmp");
            TemporaryFiles.RemoveInFlight();   // what SIGTERM, SIGINT and SIGHUP do in the descent command
        }));
        Assert.Single(during);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(scratch.Path));
    }

    /// <summary>A process id that no running process has (above Linux's largest pid_max).</summary>
    internal static int DeadPid() => 4_194_304 + Random.Shared.Next(1, 1_000_000);

    internal static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException(program);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }
}
