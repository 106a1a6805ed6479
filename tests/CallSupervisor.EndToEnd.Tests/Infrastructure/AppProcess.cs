using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app, started from its build output as a child process on 127.0.0.1 with port 0 (the OS picks a
/// free port; the app's "Now listening on" line tells which). HOME and TMPDIR point at a private folder so the
/// app's DataProtection keys stay out of the user's home. Killed by PID, with its process tree, on dispose.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _emulatorAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The embedded emulator's address (its admin API drives deterministic scenarios).</summary>
    public Uri? EmulatorAddress { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>Everything the app wrote so far (for failure messages).</summary>
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

    public static async Task<AppProcess> StartAsync(string homeDirectory, IReadOnlyDictionary<string, string>? settings = null, bool waitForEmulator = true, int port = 0)
    {
        var dll = RepositoryPaths.WebAppDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web app is not built: {dll} is missing. Build the solution first (./test.sh does).");
        }
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["HOME"] = homeDirectory;
        info.Environment["TMPDIR"] = homeDirectory;
        info.Environment["DOTNET_CLI_HOME"] = homeDirectory;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        // Each app keeps its keys (sessions) and audit database in its private folder, unless the test shares them.
        info.Environment["Security__KeyPath"] = Path.Combine(homeDirectory, "keys");
        info.Environment["Audit__SqlitePath"] = Path.Combine(homeDirectory, "audit.db");
        info.Environment["Journal__SqlitePath"] = Path.Combine(homeDirectory, "journal.db");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            var exited = new InvalidOperationException("The app exited during start:\n" + app.Output);
            app._listening.TrySetException(exited);
            app._emulatorAttached.TrySetException(exited);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            if (waitForEmulator)
            {
                await app._emulatorAttached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        var emulator = EmulatorLine().Match(line);
        if (emulator.Success)
        {
            EmulatorAddress = new Uri(emulator.Groups[1].Value);
            _emulatorAttached.TrySetResult();
        }
        if (ServerProcesses.ListeningAddress(line) is { } address)
        {
            _listening.TrySetResult(address);
        }
    }

    public ValueTask DisposeAsync() => new(ServerProcesses.KillAsync(_process));

    /// <summary>A loopback port free right now, for a test that must restart the app at the same address.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Embedded ACS/Graph emulator at (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex EmulatorLine();

}
