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
    private readonly ServerProcess _server;
    private readonly Task<Uri> _emulator;

    private AppProcess(ServerProcess server, Task<Uri> emulator)
    {
        _server = server;
        _emulator = emulator;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The embedded emulator's address (its admin API drives deterministic scenarios).</summary>
    public Uri? EmulatorAddress => _emulator.IsCompletedSuccessfully ? _emulator.Result : null;

    public int ProcessId => _server.ProcessId;

    /// <summary>Everything the app wrote so far (for failure messages).</summary>
    public string Output => _server.Output;

    /// <summary>
    /// Starts the app and waits until it listens (and, unless <paramref name="waitForEmulator"/> is false, until the
    /// embedded emulator is attached). <paramref name="workingDirectory"/> is its working folder and so its content
    /// root: the build output by default, the project folder to start it as <c>dotnet run</c> does.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string homeDirectory, IReadOnlyDictionary<string, string>? settings = null, bool waitForEmulator = true, int port = 0, string? workingDirectory = null)
    {
        var emulator = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (EmulatorLine().Match(line) is { Success: true } match)
            {
                emulator.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        var server = await ServerProcess.StartAsync("The app", StartInfo(homeDirectory, settings, port, workingDirectory), OnLine, waitForEmulator ? emulator.Task : null);
        return new AppProcess(server, emulator.Task);
    }

    /// <summary>
    /// Starts the app and waits for it to exit by itself (a start-up refusal), at most <paramref name="timeout"/>;
    /// returns its exit code and everything it wrote. A process still running then is killed and reported.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string homeDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = StartInfo(homeDirectory, settings, port: 0, workingDirectory: null) };
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within {timeout}:\n{output}");
        }
        // The parameterless wait also waits for the end of both redirected streams.
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static ProcessStartInfo StartInfo(string homeDirectory, IReadOnlyDictionary<string, string>? settings, int port, string? workingDirectory)
    {
        var dll = RepositoryPaths.WebAppDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web app is not built: {dll} is missing. Build the solution first (./test.sh does).");
        }
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
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
        info.Environment["EventLog__SqlitePath"] = Path.Combine(homeDirectory, "journal.db");
        // The demo's simulated agent breaks would move agents under the tests' feet.
        info.Environment["Emulator__Simulation__AgentBreaks"] = "false";
        // A third queue, "lab" (key 9), where the tests' scripted callers go (the emulator's callers without a plan
        // press 9 here), served by forty agents of its own: an agent rings for one call at a time, and a scripted
        // invitee that never answers holds one for the whole fixture — with the development directory's four agents
        // per queue, later callers would wait with no invitation to act on. Sales and Support keep their own agents
        // for the tests of the contact center itself.
        info.Environment["Emulator__Simulation__DefaultMenuKey"] = "9";
        info.Environment["Workflow__Queues__2__Id"] = "lab";
        info.Environment["Workflow__Queues__2__Name"] = "Lab";
        info.Environment["Workflow__Queues__2__MenuDigit"] = "9";
        for (var i = 8; i < 48; i++)
        {
            info.Environment[$"Workflow__Agents__{i}__Id"] = $"8:acs:emulator_test-agent-{i:00}";
            info.Environment[$"Workflow__Agents__{i}__Key"] = $"test-{i:00}";
            info.Environment[$"Workflow__Agents__{i}__Name"] = $"Test Agent {i:00}";
            info.Environment[$"Workflow__Agents__{i}__Queues__0"] = "lab";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return info;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [GeneratedRegex(@"Embedded ACS/Graph emulator at (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex EmulatorLine();
}
