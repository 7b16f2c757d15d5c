using System.Runtime.InteropServices;

namespace Descent;

/// <summary>
/// Writes a folder of files (a report) as one: the files are written into a temporary sibling folder, which then
/// takes the target's place in one step (Linux's <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere two renames), so the
/// target holds the old files or the new ones, never a mixture. The folder records the names it holds in
/// <see cref="ManifestName"/>; an existing folder is replaced only when it is empty or holds nothing else (what an
/// earlier write left), so a file this class did not write is never deleted or overwritten.
/// </summary>
public static partial class AtomicFolder
{
    /// <summary>The file that lists, one name a line, the entries a write put in the folder.</summary>
    public const string ManifestName = ".descent-files";

    /// <summary>
    /// Writes into a new temporary folder what <paramref name="write"/> writes (given that folder's path), then puts
    /// it in place of <paramref name="folder"/> (created with its parents when missing).
    /// </summary>
    /// <exception cref="IOException"><paramref name="folder"/> is a file, or holds entries this class did not write.</exception>
    public static void Write(string folder, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        CheckReplaceable(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        string temporary = TemporaryFiles.Reserve(target);
        try
        {
            Directory.CreateDirectory(temporary);
            write(temporary);
            string[] names = Directory.EnumerateFileSystemEntries(temporary).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray();
            File.WriteAllLines(Path.Combine(temporary, ManifestName), names);
            Swap(temporary, target);
        }
        finally
        {
            TemporaryFiles.Release(temporary);   // the half-written new folder, or after the swap the old one
        }
    }

    /// <summary>Checks that <see cref="Write"/> may replace <paramref name="folder"/>: it does not exist, or is a
    /// folder holding only what an earlier <see cref="Write"/> put there.</summary>
    /// <exception cref="IOException">It is a file, or a folder holding other entries (up to 5 are named).</exception>
    public static void CheckReplaceable(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string target = Path.GetFullPath(folder);
        if (File.Exists(target))
            throw new IOException($"cannot write the folder '{folder}': it is a file.");
        if (!Directory.Exists(target))
            return;
        string manifest = Path.Combine(target, ManifestName);
        var written = File.Exists(manifest) ? new HashSet<string>(File.ReadAllLines(manifest), StringComparer.Ordinal) : [];
        written.Add(ManifestName);
        string[] foreign = Directory.EnumerateFileSystemEntries(target).Select(e => Path.GetFileName(e)!)
            .Where(name => !written.Contains(name)).Order(StringComparer.Ordinal).ToArray();
        if (foreign.Length > 0)
            throw new IOException(
                $"cannot write into '{folder}': it holds {foreign.Length} file{(foreign.Length == 1 ? "" : "s")} that Descent did not write " +
                $"({string.Join(", ", foreign.Take(5))}{(foreign.Length > 5 ? ", …" : "")}), which would be lost; give a new or empty folder, " +
                "or move those files away.");
    }

    /// <summary>Puts <paramref name="fresh"/> at <paramref name="target"/>; the old target (if any) ends up at <paramref name="fresh"/>.</summary>
    private static void Swap(string fresh, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(fresh, target);
            return;
        }
        if (OperatingSystem.IsLinux() && Exchange(fresh, target))
            return;
        string old = TemporaryFiles.Reserve(target);
        try
        {
            Directory.Move(target, old);
            Directory.Move(fresh, target);
            Directory.Move(old, fresh);
        }
        finally
        {
            TemporaryFiles.Release(old);
        }
    }

    /// <summary>renameat2(RENAME_EXCHANGE): swaps two paths in one step; false where the system or file system cannot.</summary>
    private static bool Exchange(string a, string b)
    {
        try
        {
            if (RenameAt2(-100, a, -100, b, 2) == 0)
                return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        int error = Marshal.GetLastPInvokeError();
        if (error is 22 or 38 or 95)   // EINVAL, ENOSYS, EOPNOTSUPP: not supported here
            return false;
        throw new IOException($"cannot replace the folder '{b}': {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
