using System.Runtime.InteropServices;

namespace Descent;

/// <summary>What a path names, as far as writing to it goes.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a dangling symbolic link, when links are followed).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    Link,

    /// <summary>A character or block device, a FIFO or a socket: written in place, never replaced.</summary>
    Special,
}

/// <summary>
/// The type and identity (device and inode) of a path, which .NET does not expose: Linux's <c>statx(2)</c>, whose
/// <c>struct statx</c> has the same layout on every architecture (<c>stx_mode</c> at byte 28, <c>stx_ino</c> at 32,
/// <c>stx_dev_major</c>/<c>stx_dev_minor</c> at 136/140). Elsewhere, what <see cref="File"/> and
/// <see cref="System.IO.Directory"/> can tell (a file under <c>/dev/</c> counts as special).
/// </summary>
public static unsafe partial class FileStatus
{
    private const int CurrentDirectory = -100;          // AT_FDCWD
    private const int DoNotFollowLinks = 0x100;         // AT_SYMLINK_NOFOLLOW
    private const uint TypeAndInode = 0x1 | 0x100;      // STATX_TYPE | STATX_INO
    private const int TypeMask = 0xF000, RegularType = 0x8000, DirectoryType = 0x4000, LinkType = 0xA000;

    /// <summary>What <paramref name="path"/> names; with <paramref name="followLinks"/>, what its links lead to.</summary>
    public static FileKind Kind(string path, bool followLinks)
    {
        if (!TryStat(path, followLinks, out int mode, out _))
            return Fallback(path, followLinks);
        return (mode & TypeMask) switch
        {
            0 => FileKind.Missing,
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            LinkType => FileKind.Link,
            _ => FileKind.Special,
        };
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (links followed) are one existing file, under any
    /// names (hard links and symbolic links included).</summary>
    public static bool SameFile(string a, string b)
    {
        if (TryStat(a, followLinks: true, out int modeA, out var idA) && TryStat(b, followLinks: true, out int modeB, out var idB))
            return modeA != 0 && modeB != 0 && idA == idB;
        var fileA = new FileInfo(a);
        var fileB = new FileInfo(b);
        return fileA.Exists && fileB.Exists
            && string.Equals(Resolve(fileA).FullName, Resolve(fileB).FullName, StringComparison.Ordinal);
    }

    /// <summary>statx(2): the file type bits (0 when the path does not exist) and (device, inode); false where statx is
    /// not available.</summary>
    private static bool TryStat(string path, bool followLinks, out int mode, out (ulong, ulong, ulong) identity)
    {
        mode = 0;
        identity = default;
        if (!OperatingSystem.IsLinux())
            return false;
        byte* buffer = stackalloc byte[256];
        int result;
        try
        {
            result = Statx(CurrentDirectory, path, followLinks ? 0 : DoNotFollowLinks, TypeAndInode, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        if (result != 0)
            return Marshal.GetLastPInvokeError() is 2 or 20;  // ENOENT, ENOTDIR: nothing there
        mode = *(ushort*)(buffer + 28);
        identity = (*(uint*)(buffer + 136), *(uint*)(buffer + 140), *(ulong*)(buffer + 32));
        return true;
    }

    private static FileKind Fallback(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
            return FileKind.Link;
        if (System.IO.Directory.Exists(path))
            return FileKind.Directory;
        if (!File.Exists(path))
            return FileKind.Missing;
        return Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.Special : FileKind.Regular;
    }

    private static FileSystemInfo Resolve(FileInfo file) => file.ResolveLinkTarget(returnFinalTarget: true) ?? file;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
