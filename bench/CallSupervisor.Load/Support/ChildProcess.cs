using System.Diagnostics;

namespace CallSupervisor.Load.Support;

/// <summary>
/// A server started as a child process on 127.0.0.1 port 0 (the OS picks a free port; Kestrel's "Now listening on"
/// line tells which), with HOME and TMPDIR in a private folder. Killed by PID, with its process tree, on dispose and
/// when the harness exits. Only the last lines of its output are kept (for failure messages): a long run would
/// otherwise grow the harness's memory and skew its own figures.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int LinesKept = 200;
    private static readonly List<ServerProcess> Running = [];
    private readonly ServerProcess _server;

    static ChildProcess()
    {
        // Ctrl+C or a crash of the harness must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private ChildProcess(ServerProcess server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public int ProcessId => _server.ProcessId;

    public string Output => _server.Output;

    /// <summary>Starts <c>dotnet {dll} {args}</c> and waits (60 s at most) until it listens.</summary>
    public static async Task<ChildProcess> StartAsync(string dll, IEnumerable<string> args, string home, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["HOME"] = home;
        info.Environment["TMPDIR"] = home;
        info.Environment["DOTNET_CLI_HOME"] = home;
        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        ServerProcess? started = null;
        try
        {
            return new ChildProcess(await ServerProcess.StartAsync(Path.GetFileName(dll), info, linesKept: LinesKept, started: Register));
        }
        catch
        {
            Unregister(started);
            throw;
        }

        void Register(ServerProcess server)
        {
            started = server;
            lock (Running)
            {
                Running.Add(server);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Unregister(_server);
        await _server.DisposeAsync();
    }

    private static void Unregister(ServerProcess? server)
    {
        if (server is not null)
        {
            lock (Running)
            {
                Running.Remove(server);
            }
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var server in Running)
            {
                server.Kill();
            }
        }
    }
}
