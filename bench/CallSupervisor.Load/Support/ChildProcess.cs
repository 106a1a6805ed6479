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
    private static readonly List<Process> Running = [];
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static ChildProcess()
    {
        // Ctrl+C or a crash of the harness must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private ChildProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts <c>dotnet {dll} {args}</c> and waits (60 s at most) until it listens.</summary>
    public static async Task<ChildProcess> StartAsync(string dll, IEnumerable<string> args, string home, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._listening.TrySetException(new InvalidOperationException($"{Path.GetFileName(dll)} exited during start:\n{child.Output}"));
        process.Start();
        lock (Running)
        {
            Running.Add(process);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            child.BaseAddress = await child._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
        return child;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > LinesKept)
            {
                _tail.Dequeue();
            }
        }
        if (ServerProcesses.ListeningAddress(line) is { } address)
        {
            _listening.TrySetResult(address);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (Running)
        {
            Running.Remove(_process);
        }
        await ServerProcesses.KillAsync(_process);
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
    }

    /// <summary>A loopback port free right now (the emulator must know the app's address before the app starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
