namespace CallSupervisor.AppHost;

/// <summary>Where the local deployment keeps its state between runs: the PostgreSQL data and each instance's folder.</summary>
internal static class LocalState
{
    /// <summary>
    /// <c>StateFolder</c> when configured, else <c>callsupervisor-apphost</c> under /tmp: a folder the postgres account
    /// can reach when the AppHost runs as root (a private TMPDIR of root's is not).
    /// </summary>
    public static string Folder(string? configured)
    {
        var folder = configured is { Length: > 0 }
            ? Path.GetFullPath(configured)
            : Path.Combine(OperatingSystem.IsWindows() ? Path.GetTempPath() : "/tmp", "callsupervisor-apphost");
        return Directory.CreateDirectory(folder).FullName;
    }
}
