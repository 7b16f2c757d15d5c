using Descent.Tests.Cli;

namespace Descent.Tests.Files;

/// <summary>
/// <see cref="AtomicFolder"/>: a folder is replaced whole (old files or new ones, never a mixture), files it did not
/// write are never deleted or overwritten, and a write that fails half-way leaves the old folder as it was.
/// </summary>
public class AtomicFolderTests
{
    [Fact]
    public void Write_CreatesTheFolder_ThenReplacesAnEarlierWriteWhole()
    {
        using var scratch = new ScratchDirectory();
        string folder = Path.Combine(scratch.Path, "parent", "report");

        AtomicFolder.Write(folder, temporary =>
        {
            File.WriteAllText(Path.Combine(temporary, "01-a.svg"), "a");
            File.WriteAllText(Path.Combine(temporary, "index.html"), "one");
        });
        AtomicFolder.Write(folder, temporary => File.WriteAllText(Path.Combine(temporary, "index.html"), "two"));

        Assert.Equal("two", File.ReadAllText(Path.Combine(folder, "index.html")));
        Assert.False(File.Exists(Path.Combine(folder, "01-a.svg")));
        Assert.Equal(["index.html"], File.ReadAllLines(Path.Combine(folder, AtomicFolder.ManifestName)));
        Assert.Equal([folder], Directory.GetFileSystemEntries(Path.Combine(scratch.Path, "parent")));
    }

    [Fact]
    public void Write_IntoAnEmptyFolder_Works()
    {
        using var scratch = new ScratchDirectory();
        AtomicFolder.Write(scratch.Path, temporary => File.WriteAllText(Path.Combine(temporary, "index.html"), "x"));
        Assert.Equal("x", File.ReadAllText(Path.Combine(scratch.Path, "index.html")));
    }

    [Fact]
    public void Write_RefusesAFolderWithFilesItDidNotWrite_AndTouchesNothing()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(Path.Combine(scratch.Path, "01-architecture.svg"), "mine");
        File.WriteAllText(Path.Combine(scratch.Path, "index.html"), "my page");
        bool called = false;

        var error = Assert.Throws<IOException>(() => AtomicFolder.Write(scratch.Path, _ => called = true));

        Assert.Contains("2 files that Descent did not write (01-architecture.svg, index.html)", error.Message);
        Assert.False(called);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(scratch.Path, "01-architecture.svg")));
        Assert.Equal("my page", File.ReadAllText(Path.Combine(scratch.Path, "index.html")));
        Assert.Equal(2, Directory.GetFileSystemEntries(scratch.Path).Length);
    }

    [Fact]
    public void Write_RefusesAnEarlierReportWithAFileAddedByHand()
    {
        using var scratch = new ScratchDirectory();
        string folder = Path.Combine(scratch.Path, "report");
        AtomicFolder.Write(folder, temporary => File.WriteAllText(Path.Combine(temporary, "index.html"), "one"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var error = Assert.Throws<IOException>(() => AtomicFolder.Write(folder, _ => { }));

        Assert.Contains("(notes.txt)", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void Write_ThatFailsHalfWay_LeavesTheOldFolder_AndNoTemporaryFolder()
    {
        using var scratch = new ScratchDirectory();
        string folder = Path.Combine(scratch.Path, "report");
        AtomicFolder.Write(folder, temporary => File.WriteAllText(Path.Combine(temporary, "index.html"), "old"));

        Assert.Throws<IOException>(() => AtomicFolder.Write(folder, temporary =>
        {
            File.WriteAllText(Path.Combine(temporary, "01-new.svg"), "new figure");
            throw new IOException("No space left on device");
        }));

        Assert.Equal([folder], Directory.GetFileSystemEntries(scratch.Path));
        Assert.Equal("old", File.ReadAllText(Path.Combine(folder, "index.html")));
        Assert.False(File.Exists(Path.Combine(folder, "01-new.svg")));
    }

    [Fact]
    public void Write_RemovesStaleTemporaryFoldersOfDeadProcesses()
    {
        using var scratch = new ScratchDirectory();
        string stale = Path.Combine(scratch.Path, $".report.{AtomicFileTests.DeadPid()}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "01-a.svg"), "half");

        AtomicFolder.Write(Path.Combine(scratch.Path, "report"), temporary => File.WriteAllText(Path.Combine(temporary, "index.html"), "x"));

        Assert.False(Directory.Exists(stale));
    }
}
