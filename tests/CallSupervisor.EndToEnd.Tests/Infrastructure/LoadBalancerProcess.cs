using System.Diagnostics;
using System.Globalization;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The YARP load balancer sample (<c>samples/CallSupervisor.LoadBalancer</c>), started from its build output as a
/// child process on 127.0.0.1 (port 0 by default: its "Now listening on" line tells which) in front of the given
/// destinations, with HOME and TMPDIR in a private folder and its served-by log at Debug (in <see cref="Output"/>).
/// Killed by PID, with its process tree, on dispose.
/// </summary>
public sealed class LoadBalancerProcess : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private LoadBalancerProcess(ServerProcess server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public int ProcessId => _server.ProcessId;

    /// <summary>Everything the balancer wrote so far (for failure messages).</summary>
    public string Output => _server.Output;

    /// <summary>
    /// Starts the balancer in front of <paramref name="destinations"/> (<c>LoadBalancer:Destinations:N</c>);
    /// <paramref name="settings"/> adds or overrides configuration (<c>LoadBalancer:PassiveHealth:ReactivationPeriod</c>,
    /// …). Throws <see cref="InvalidOperationException"/> with the balancer's output when it exits during start
    /// (invalid settings, for one).
    /// </summary>
    public static async Task<LoadBalancerProcess> StartAsync(string homeDirectory, IReadOnlyList<Uri> destinations, IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var dll = RepositoryPaths.LoadBalancerDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The load balancer sample is not built: {dll} is missing. Build the solution first (./test.sh does).");
        }
        Directory.CreateDirectory(homeDirectory);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["HOME"] = homeDirectory;
        info.Environment["TMPDIR"] = homeDirectory;
        info.Environment["DOTNET_CLI_HOME"] = homeDirectory;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__LogLevel__CallSupervisor.LoadBalancer"] = "Debug";
        for (var i = 0; i < destinations.Count; i++)
        {
            info.Environment[$"LoadBalancer__Destinations__{i.ToString(CultureInfo.InvariantCulture)}"] = destinations[i].AbsoluteUri;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return new LoadBalancerProcess(await ServerProcess.StartAsync("The load balancer", info));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
