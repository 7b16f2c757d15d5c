namespace Descent;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never a half-written file:
/// the bytes go to a temporary file in the same folder (created when missing), which is then moved over the target.
/// A symbolic link is followed: the file it leads to is replaced, the link stays. What cannot be replaced (a device
/// such as <c>/dev/null</c>, a FIFO, a socket, or an open descriptor such as <c>/dev/stdout</c> or
/// <c>/proc/self/fd/N</c>) is written in place, appending as the shell's <c>&gt;&gt;</c> would.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes whatever <paramref name="write"/> writes to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        if (IsWrittenInPlace(fullPath))
        {
            using var direct = new FileStream(fullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(direct);
            direct.Flush();
            return;
        }
        string target = FinalTarget(fullPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        string temporary = TemporaryFiles.Reserve(target);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            TemporaryFiles.Release(temporary);
        }
    }

    /// <summary>Writes what <paramref name="write"/> writes as UTF-8 text (no BOM) to <paramref name="path"/>, atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteText(path, writer => writer.Write(text));
    }

    /// <summary>True for a device, FIFO or socket, and for a path that reaches an open descriptor (/dev/stdout,
    /// /dev/fd/N, /proc/PID/fd/N), directly or through symbolic links.</summary>
    private static bool IsWrittenInPlace(string fullPath)
    {
        if (FileStatus.Kind(fullPath, followLinks: true) == FileKind.Special)
            return true;
        string step = fullPath;
        for (int hops = 0; hops < 40; hops++)
        {
            if (IsDescriptor(step))
                return true;
            if (FileStatus.Kind(step, followLinks: false) != FileKind.Link || File.ResolveLinkTarget(step, returnFinalTarget: false) is not { } next)
                return false;
            step = next.FullName;
        }
        return false;
    }

    private static bool IsDescriptor(string fullPath) =>
        fullPath is "/dev/stdout" or "/dev/stderr" or "/dev/stdin"
        || fullPath.StartsWith("/dev/fd/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>The file a chain of symbolic links leads to (the path itself when it is not a link).</summary>
    private static string FinalTarget(string fullPath) =>
        FileStatus.Kind(fullPath, followLinks: false) == FileKind.Link
            ? File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath
            : fullPath;
}
