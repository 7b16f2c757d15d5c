using System.Text;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Writes output files so that no reader ever sees half of one: the content goes to a temporary file in the same
/// directory, is flushed to disk, and is then moved over the destination in one step. If writing fails, the
/// temporary file is deleted and an existing destination is left untouched.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with the bytes <paramref name="write"/> puts in the stream.</summary>
    /// <exception cref="CliUsageException">The directory does not exist, or the path is a directory.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        string full = CheckDestination(path);
        string directory = Path.GetDirectoryName(full)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 text (no byte-order mark).</summary>
    /// <exception cref="CliUsageException">The directory does not exist, or the path is a directory.</exception>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>The full path of <paramref name="path"/>, after checking it can be written as a file.</summary>
    /// <exception cref="CliUsageException">The path is empty or a directory, or its directory does not exist.</exception>
    public static string CheckDestination(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException("the output path is empty; give a file name (e.g. --out result.csv).");
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CliUsageException($"cannot write '{path}': it is a directory; give a file name.");
        string? directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
            throw new CliUsageException($"cannot write '{path}': the directory '{directory}' does not exist; create it first.");
        return full;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
