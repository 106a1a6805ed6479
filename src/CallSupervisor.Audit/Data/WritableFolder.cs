namespace CallSupervisor.Audit.Data;

/// <summary>
/// Whether a file's folder can be created and written, checked at start so that a path that cannot work (a folder
/// under a file, a read-only mount, /proc) stops the app with a message naming the setting, not with the database
/// driver's exception from deep inside the start. The web app checks its event log and key folders with it too.
/// </summary>
public static class WritableFolder
{
    /// <summary>Null when the folder of the file <paramref name="filePath"/> exists or was created and takes a file; else why not.</summary>
    public static string? ProblemForFile(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        var full = Path.GetFullPath(filePath);
        return Problem(Path.GetDirectoryName(full) ?? full);
    }

    /// <summary>Null when <paramref name="folder"/> exists or was created and takes a file; else why not.</summary>
    public static string? Problem(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        try
        {
            Directory.CreateDirectory(folder);
            // A real file, written and removed: a folder can exist and still refuse new files (read-only mounts).
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(0);
                stream.Flush(flushToDisk: false);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ex.Message;
        }
    }
}
