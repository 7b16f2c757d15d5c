using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Descent;

/// <summary>
/// The temporary files and folders that <see cref="AtomicFile"/> and <see cref="AtomicFolder"/> write before moving
/// them into place, named <c>.NAME.&lt;pid&gt;.&lt;guid&gt;.tmp</c> beside their target. Those of this process are
/// removed when it ends by a signal (<see cref="RemoveOnSignals"/>) and those of a process that is gone (its pid is no
/// longer running) by the next write to the same target.
/// </summary>
public static class TemporaryFiles
{
    private const string Suffix = ".tmp";
    private static readonly ConcurrentDictionary<string, byte> InFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Removes this process's temporary files when it receives SIGTERM, SIGINT or SIGHUP, then lets the signal end the
    /// process as it would have. Dispose the result to stop. (The <c>descent</c> command does this; a library user may.)
    /// </summary>
    public static IDisposable RemoveOnSignals()
    {
        var registrations = new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => RemoveInFlight()))
            .ToArray();
        return new Registrations(registrations);
    }

    /// <summary>Removes every temporary file or folder this process is writing now.</summary>
    public static void RemoveInFlight()
    {
        foreach (string path in InFlight.Keys)
            Delete(path);
    }

    /// <summary>A new temporary name beside <paramref name="target"/> (a full path), recorded as in flight; stale
    /// temporary files of the same target left by processes that are gone are removed first.</summary>
    internal static string Reserve(string target)
    {
        string folder = Path.GetDirectoryName(target) ?? ".";
        string prefix = "." + Path.GetFileName(target) + ".";
        RemoveStale(folder, prefix);
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}.{Guid.NewGuid():N}{Suffix}"));
        InFlight[path] = 0;
        return path;
    }

    /// <summary>Deletes <paramref name="path"/> if it is still there and forgets it.</summary>
    internal static void Release(string path)
    {
        Delete(path);
        InFlight.TryRemove(path, out _);
    }

    private static void RemoveStale(string folder, string prefix)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(folder, ".*"))
        {
            string name = Path.GetFileName(entry);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
                continue;
            string[] parts = name[prefix.Length..^Suffix.Length].Split('.');
            if (parts.Length == 2 && parts[1].Length == 32 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                && pid != Environment.ProcessId && !IsRunning(pid))
                Delete(entry);
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
            return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else
                File.Delete(path);
        }
        catch (IOException)
        {
            // Another process removed it, or it is being removed: nothing left to do.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
                registration.Dispose();
        }
    }
}
