using System.Diagnostics;
using System.Text;
using Npgsql;

namespace CallSupervisor.Audit.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests: <c>initdb</c> in a private data folder, <c>pg_ctl start</c> on a free
/// 127.0.0.1 port with trust authentication, a fresh database per test, and at the end <c>pg_ctl stop -m immediate</c>,
/// a kill of the postmaster by its PID if it is still alive, and the folder deleted. PostgreSQL refuses to run as
/// root, so as root every server command runs as the <c>postgres</c> user through <c>runuser</c>. When PostgreSQL
/// is not installed the fixture fails with what to install (./test.sh installs it): these tests never skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _dataDir = "";
    private string _binDir = "";
    private int _postmasterPid;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>A connection string to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public async Task InitializeAsync()
    {
        _binDir = FindBinaries();
        var asRoot = Environment.UserName == "root";
        _dataDir = PrivateFolder(asRoot);
        // Qualified: this file is compiled into the end-to-end tests too, where CallSupervisor.Testing is a global using.
        Port = CallSupervisor.Testing.ServerProcesses.FreePort();
        var log = Path.Combine(_dataDir, "server.log");
        var data = Path.Combine(_dataDir, "data");
        await RunAsync(asRoot, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], TimeSpan.FromSeconds(60));
        // fsync off: the tests restart the app, never the machine, so nothing they check depends on it.
        await RunAsync(asRoot, "pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_dataDir} -c fsync=off -c max_connections=200"], TimeSpan.FromSeconds(90));
        _postmasterPid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid")))[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"audit_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var asRoot = Environment.UserName == "root";
        var data = Path.Combine(_dataDir, "data");
        try
        {
            if (_postmasterPid != 0)
            {
                await RunAsync(asRoot, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"], TimeSpan.FromSeconds(40));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Killed below.
        }
        KillIfAlive(_postmasterPid);
        if (_dataDir.Length > 0 && Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")) && File.Exists(Path.Combine(b, "postgres")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: no initdb, pg_ctl and postgres under /usr/lib/postgresql/*/bin. " +
            "The audit tests run against a real server: run ./test.sh (it installs Debian's postgresql with apt-get when run as root) " +
            "or install it yourself (apt-get install postgresql).");
    }

    // A new folder only the server's user can read. Under the test's temporary folder when the postgres user can
    // reach it, else under /tmp (a private TMPDIR of root's is not traversable by postgres).
    private static string PrivateFolder(bool asRoot)
    {
        foreach (var parent in new[] { Path.GetTempPath(), "/tmp" })
        {
            var folder = Path.Combine(parent, "cs-audit-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            if (!asRoot)
            {
                OwnerOnly(folder);
                return folder;
            }
            Run("chown", ["postgres:postgres", folder]);
            OwnerOnly(folder);
            if (Run("runuser", ["-u", "postgres", "--", "test", "-w", folder]) == 0)
            {
                return folder;
            }
            Directory.Delete(folder);
        }
        throw new InvalidOperationException("No folder the postgres user can write to was found for the test server.");
    }

    private static void OwnerOnly(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task RunAsync(bool asRoot, string tool, string[] args, TimeSpan timeout)
    {
        var path = Path.Combine(_binDir, tool);
        string[] command = asRoot ? ["runuser", "-u", "postgres", "--", path, .. args] : [path, .. args];
        var output = new StringBuilder();
        using var process = Start(command, output);
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}: {output}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        }
    }

    private static int Run(string file, string[] args)
    {
        using var process = Start([file, .. args], new StringBuilder());
        process.WaitForExit();
        return process.ExitCode;
    }

    private static Process Start(string[] command, StringBuilder output)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void KillIfAlive(int pid)
    {
        if (pid == 0)
        {
            return;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
