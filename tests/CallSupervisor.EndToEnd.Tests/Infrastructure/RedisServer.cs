using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real Redis server for the scale-out tests: <c>redis-server</c> as a child process on a free 127.0.0.1 port,
/// working in a private folder, persisting nothing (<c>--save "" --appendonly no</c>), ready once it answers PING.
/// <see cref="StopAsync"/> kills it by PID (as a crash would) and <see cref="StartAgainAsync"/> starts a fresh,
/// empty one on the same port, for tests of Redis going away during a run. Disposing kills it and deletes the
/// folder. When redis-server is not installed the start fails with what to install (./test.sh installs it).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);
    private readonly string _executable;
    private readonly bool _ownsDirectory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private readonly bool _persistent;

    private RedisServer(string executable, string directory, bool ownsDirectory, int port, bool persistent)
    {
        _executable = executable;
        _persistent = persistent;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>For StackExchange.Redis (<c>ConnectionMultiplexer.Connect</c>) and the app's <c>Redis:ConnectionString</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The server's working folder (<c>--dir</c>; also its HOME and TMPDIR).</summary>
    public string Directory { get; }

    /// <summary>The running server's PID, or null while it is stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public bool IsRunning => ProcessId is not null;

    /// <summary>Everything the server wrote so far, over all its starts (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts a server on a free loopback port. <paramref name="directory"/> is its working folder (created; left in
    /// place on dispose); without one a temporary folder is made and deleted on dispose. <paramref name="executable"/>
    /// defaults to <c>$REDIS_SERVER_PATH</c>, then <c>/usr/bin/redis-server</c>, then <c>redis-server</c> on PATH.
    /// <paramref name="persistent"/> keeps every write in an append-only file synced at once (as a production Redis
    /// should), so a server killed and started again has its data; otherwise nothing is saved.
    /// </summary>
    public static async Task<RedisServer> StartAsync(string? directory = null, string? executable = null, bool persistent = false)
    {
        var binary = FindExecutable(executable);
        var owns = directory is null;
        var folder = directory ?? Path.Combine(Path.GetTempPath(), "cs-redis-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(folder);
        // The port is free when picked but another process may take it before redis binds it: pick again.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(binary, folder, owns, ServerProcesses.FreePort(), persistent);
            try
            {
                await server.LaunchAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Output.Contains("Address already in use", StringComparison.Ordinal))
            {
                await server.StopAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills the server by PID and waits until it is gone (unless persistent, the data is lost).</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port and folder after <see cref="StopAsync"/> (empty unless persistent).</summary>
    public Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Redis is still running on port {Port} (PID {ProcessId}); stop it first.");
        }
        return LaunchAsync();
    }

    /// <summary>True when the server answers PING with PONG right now.</summary>
    public async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            // An inline command: the reply to PING is the simple string "+PONG\r\n".
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = 0;
            while (read < 7)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory && System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private async Task LaunchAsync()
    {
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] durability = _persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Directory, "--save", "", "--daemonize", "no" }.Concat(durability))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["HOME"] = Directory;
        info.Environment["TMPDIR"] = Directory;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        // redis-server says "Ready to accept connections" once it listens (after loading its append-only file).
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("exited"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        try
        {
            await ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (InvalidOperationException)
        {
            // Let the output readers catch up so the message says why (e.g. the port was taken).
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"redis-server exited during start ({process.ExitCode}):\n{Output}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"redis-server did not say it was ready on port {Port} within {ReadyTimeout}:\n{Output}");
        }
        if (!await AnswersPingAsync())
        {
            throw new InvalidOperationException($"redis-server said it was ready but does not answer PING on port {Port}:\n{Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string FindExecutable(string? executable)
    {
        if (executable is not null)
        {
            return File.Exists(executable) ? executable : throw Missing(executable);
        }
        if (Environment.GetEnvironmentVariable("REDIS_SERVER_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw Missing(configured + " (REDIS_SERVER_PATH)");
        }
        var candidates = new[] { "/usr/bin/redis-server" }.Concat(
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, "redis-server")));
        return candidates.FirstOrDefault(File.Exists) ?? throw Missing("/usr/bin/redis-server or redis-server on PATH");
    }

    private static InvalidOperationException Missing(string where) => new(
        $"redis-server is not installed: {where} was not found. The scale-out tests run a real Redis server: run ./test.sh " +
        "(it installs Debian's redis-server with apt-get when run as root) or install it yourself (apt-get install redis-server). " +
        "REDIS_SERVER_PATH points the tests at another binary.");
}
