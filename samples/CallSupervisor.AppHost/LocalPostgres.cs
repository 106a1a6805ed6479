using System.Diagnostics;

namespace CallSupervisor.AppHost;

/// <summary>
/// PostgreSQL from Debian's <c>postgresql</c> package as an executable resource (no container engine here): a data
/// folder of its own under the state folder, made once with <c>initdb</c> (trust authentication, loopback only) and the
/// <c>callsupervisor</c> database, then <c>postgres</c> in the foreground so the orchestrator owns its lifetime.
/// PostgreSQL refuses to run as root, so under root every step runs as the <c>postgres</c> account (<c>runuser</c>).
/// </summary>
internal static class LocalPostgres
{
    public const string Database = "callsupervisor";

    public static IResourceBuilder<ExecutableResource> Add(IDistributedApplicationBuilder builder, string state, int port)
    {
        var bin = FindBinaries();
        var asRoot = Environment.UserName == "root";
        var folder = Path.Combine(state, "postgres");
        var data = Path.Combine(folder, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            Initialize(bin, asRoot, folder, data);
        }
        string[] server =
        [
            Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={folder}",
        ];
        var (command, args) = AsServerAccount(asRoot, server);
        return builder.AddExecutable("postgres", command, folder, args)
            .WithEndpoint(name: "tcp", port: port, isProxied: false)
            .WithTcpHealthCheck(builder, port);
    }

    private static void Initialize(string bin, bool asRoot, string folder, string data)
    {
        Directory.CreateDirectory(folder);
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", folder]);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Run(AsServerAccount(asRoot, [Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]));
        // The instances migrate the audit schema themselves, but into an existing database: create it once, in
        // single-user mode, before the server first starts.
        Run(AsServerAccount(asRoot, [Path.Combine(bin, "postgres"), "--single", "-D", data, "postgres"]), $"CREATE DATABASE {Database};\n");
    }

    private static (string Command, string[] Args) AsServerAccount(bool asRoot, string[] commandLine) =>
        asRoot ? ("runuser", ["-u", "postgres", "--", .. commandLine]) : (commandLine[0], commandLine[1..]);

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "postgres")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: no initdb and postgres under /usr/lib/postgresql/*/bin (apt-get install postgresql).");
    }

    private static void Run((string Command, string[] Args) commandLine, string? input = null) => Run(commandLine.Command, commandLine.Args, input);

    private static void Run(string command, string[] args, string? input = null)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start.");
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error}");
        }
    }
}
