using System.Diagnostics;
using System.Globalization;

namespace CallSupervisor.Testing;

/// <summary>
/// An ASP.NET Core server started as a child process: its output read line by line (kept for failure messages),
/// its start awaited on Kestrel's "Now listening on" line (and on <c>ready</c> when given), and killed by PID, with
/// its process tree, on dispose — also when the start fails. What the end-to-end tests' app and balancer and the load
/// harness's servers share; each keeps only how it is started. Linked into both from tests/Shared.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _linesKept;
    private readonly Action<string>? _onLine;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Completed with the failure message rather than faulted: an exit after a successful start is nobody's error.
    private readonly TaskCompletionSource<string> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, int linesKept, Action<string>? onLine)
    {
        _process = process;
        _linesKept = linesKept;
        _onLine = onLine;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => _process.Id;

    /// <summary>What the server wrote so far (its last <c>linesKept</c> lines), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>
    /// Starts the process described by <paramref name="info"/> (its output redirected here) and waits until it
    /// listens (60 s at most), then until <paramref name="ready"/> completes (30 s at most). <paramref name="onLine"/>
    /// sees every line first (to complete <paramref name="ready"/>, say). A long-running caller keeps only the last
    /// <paramref name="linesKept"/> lines, so the output does not grow its memory. Throws
    /// <see cref="InvalidOperationException"/> with <paramref name="name"/> and the output when the process exits
    /// during start; <paramref name="started"/> sees the process once it runs (to kill it when the caller exits).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string name, ProcessStartInfo info, Action<string>? onLine = null, Task? ready = null, int linesKept = int.MaxValue, Action<ServerProcess>? started = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, linesKept, onLine);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Exited += (_, _) => server.OnExited(name);
        process.Start();
        started?.Invoke(server);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WhileRunningAsync(server._listening.Task, TimeSpan.FromSeconds(60));
            server.BaseAddress = await server._listening.Task;
            if (ready is not null)
            {
                await server.WhileRunningAsync(ready, TimeSpan.FromSeconds(30));
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Kills the process tree now, without waiting (for a caller's exit handler).</summary>
    public void Kill()
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

    public ValueTask DisposeAsync() => new(ServerProcesses.KillAsync(_process));

    private async Task WhileRunningAsync(Task task, TimeSpan timeout)
    {
        if (await Task.WhenAny(task, _exited.Task).WaitAsync(timeout) != task)
        {
            throw new InvalidOperationException(await _exited.Task);
        }
        await task;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > _linesKept)
            {
                _lines.Dequeue();
            }
        }
        _onLine?.Invoke(line);
        if (ServerProcesses.ListeningAddress(line) is { } address)
        {
            _listening.TrySetResult(address);
        }
    }

    private void OnExited(string name)
    {
        var code = "?";
        try
        {
            // Wait for the output readers so the message holds the server's last words (its invalid settings).
            _process.WaitForExit();
            code = _process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Killed and disposed by DisposeAsync meanwhile: nobody waits for the start any more.
        }
        _exited.TrySetResult($"{name} exited during start ({code}):\n{Output}");
    }
}
