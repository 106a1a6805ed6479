using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CallSupervisor.Load.Support;

/// <summary>
/// N hub clients of the JS library people put in browsers and wallboards (<c>@microsoft/signalr</c>), run by Node from
/// <c>bench/CallSupervisor.Load/js</c> (<c>hub-clients.mjs</c>; <c>npm ci</c> there first). Under Node 20 the library's
/// WebSocket is the <c>ws</c> package, which offers permessage-deflate as browsers do; <see cref="Extensions"/> is what
/// each server accepted. Every change a client sees comes back as a line with Node's <c>process.hrtime</c>, which on
/// Linux reads the same clock as <see cref="Stopwatch"/> (CLOCK_MONOTONIC, nanoseconds), so an arrival is timed in
/// the Node process and matched here. Killed by PID on dispose.
/// </summary>
public sealed class JsHubClients : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Action<int, string, bool, long> _onArrival;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _errors = new();
    private readonly string[] _extensions;
    private int _readyCount;

    private JsHubClients(Process process, int clients, Action<int, string, bool, long> onArrival)
    {
        _process = process;
        _onArrival = onArrival;
        _extensions = new string[clients];
    }

    public static string Folder => Path.Combine(Workspace.RepositoryRoot, "bench", "CallSupervisor.Load", "js");

    /// <summary>True when <c>npm ci</c> has been run in <see cref="Folder"/>.</summary>
    public static bool Installed => File.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr", "package.json"));

    /// <summary>The <c>Sec-WebSocket-Extensions</c> each connection's server answered ("-" for none).</summary>
    public IReadOnlyList<string> Extensions => _extensions;

    /// <summary>
    /// Connects <paramref name="clients"/> JS clients to <paramref name="hub"/> (<paramref name="cookies"/>: one
    /// signed-in session's Cookie header per client, or null for the anonymous bare hub) and waits until all are up.
    /// <paramref name="onArrival"/> gets (client, call id, the flipped participant's mute, Stopwatch timestamp).
    /// </summary>
    public static async Task<JsHubClients> StartAsync(
        Workspace workspace, Uri hub, bool app, int clients, IReadOnlyList<string>? cookies,
        IReadOnlyDictionary<string, string> flipped, Action<int, string, bool, long> onArrival, CancellationToken ct)
    {
        if (!Installed)
        {
            throw new InvalidOperationException($"The JS clients are not installed: run `npm ci` in {Folder}.");
        }
        var home = workspace.NewHome(app ? "js-app" : "js-bare");
        var config = Path.Combine(home, "config.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            url = hub.ToString(),
            kind = app ? "app" : "bare",
            cookies,
            clients,
            flipped,
        }), ct);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "hub-clients.mjs"));
        info.ArgumentList.Add(config);
        info.Environment["HOME"] = home;
        info.Environment["TMPDIR"] = home;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var js = new JsHubClients(process, clients, onArrival);
        process.OutputDataReceived += (_, e) => js.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => js.OnError(e.Data);
        process.Exited += (_, _) => js._ready.TrySetException(new InvalidOperationException("the JS clients exited: " + js.Errors));
        process.Start();
        AppDomain.CurrentDomain.ProcessExit += js.KillOnExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await js._ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        catch
        {
            await js.DisposeAsync();
            throw;
        }
        return js;
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join(" | ", _errors);
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        var parts = line.Split(' ', 5);
        switch (parts[0])
        {
            case "a" when parts.Length == 5:
                _onArrival(int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], parts[3] == "1", long.Parse(parts[4], CultureInfo.InvariantCulture));
                break;
            case "clock" when parts.Length == 2:
                // Node's clock and the Stopwatch must be the same clock, or every latency would be off by their difference.
                var skew = Stopwatch.GetElapsedTime(long.Parse(parts[1], CultureInfo.InvariantCulture));
                if (Stopwatch.Frequency != 1_000_000_000 || skew < TimeSpan.Zero || skew > TimeSpan.FromSeconds(30))
                {
                    _ready.TrySetException(new InvalidOperationException($"Node's process.hrtime is not this process's Stopwatch clock (difference {skew}, frequency {Stopwatch.Frequency})."));
                }
                break;
            case "ready" when parts.Length == 3:
                _extensions[int.Parse(parts[1], CultureInfo.InvariantCulture)] = parts[2];
                if (Interlocked.Increment(ref _readyCount) == _extensions.Length)
                {
                    _ready.TrySetResult();
                }
                break;
            default:
                OnError(line);
                break;
        }
    }

    private void OnError(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_errors)
        {
            _errors.Enqueue(line);
            if (_errors.Count > 20)
            {
                _errors.Dequeue();
            }
        }
        Console.WriteLine("  js: " + line);
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            // Closing stdin stops the connections; the kill below is for a process that does not stop.
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            // Killed below.
        }
        await ServerProcesses.KillAsync(_process);
    }
}
