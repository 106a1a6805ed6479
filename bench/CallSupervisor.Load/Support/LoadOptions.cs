using System.Globalization;

namespace CallSupervisor.Load.Support;

/// <summary>
/// The command line: <c>&lt;scenario&gt; [--runs N] [--smoke] [--wire] [--calls N] [--connections K] [--duration S] [--warmup S]
/// [--clients N] [--rate N] [--reps N] [--event-delay-ms N] [--trace-page FILE] [--page PATH] [--sample S] [--ports FIRST-LAST] [--slow-link MBITS,RTTMS] [--set Key=Value]... [--telemetry]</c> (<c>--telemetry</c> is taken by Program: see <see cref="OtlpSink"/>). A value not given falls back to the scenario's
/// default, or to its tiny smoke size with <c>--smoke</c>.
/// </summary>
public sealed class LoadOptions
{
    public static readonly string[] Scenarios = ["ingestion", "hub", "snapshot", "mute", "muteclick", "firstrender", "dom", "wallboard", "memory", "circuits", "all"];

    public required string Scenario { get; init; }

    public bool Smoke { get; init; }

    /// <summary><c>--wire</c>: the hub scenario's app clients are plain SignalR connections that only parse each push, as the baseline's do (no typed client's board merge).</summary>
    public bool Wire { get; init; }

    /// <summary><c>--trace-page FILE</c>: the dom scenario writes a Chromium trace (timeline and V8) of its first app page during the first app round.</summary>
    public string? TracePage { get; init; }

    /// <summary>Measured rounds per side; each round of the app is followed by one of the baseline.</summary>
    public int Runs { get; init; }

    public int? Calls { get; init; }

    /// <summary><c>--page PATH</c>: the page the wallboard scenario leaves open (default <c>/wallboard</c>).</summary>
    public string? Page { get; init; }

    /// <summary><c>--sample S</c>: seconds between the wallboard scenario's samples.</summary>
    public double? SampleSeconds { get; init; }

    public int? Connections { get; init; }

    public double? DurationSeconds { get; init; }

    public double? WarmupSeconds { get; init; }

    public int? Clients { get; init; }

    public int? Rate { get; init; }

    public int? Reps { get; init; }

    /// <summary>The emulator's delay before an asynchronous outcome (mute's roster) is posted; its own default when null.</summary>
    public int? EventDelayMs { get; init; }

    /// <summary>
    /// Settings (<c>--set Key=Value</c>, repeatable) given to every app the scenarios start, over the harness's own:
    /// a configuration key (<c>Dashboard:BatchWindow</c>) or a runtime variable (<c>DOTNET_gcServer</c>), to compare
    /// one setting against the defaults on the same machine.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--ports FIRST-LAST</c>: every listener the harness starts takes its port from this range, and the run fails if one is seen outside it.</summary>
    public (int First, int Last)? Ports { get; init; }

    /// <summary><c>--slow-link MBITS,RTTMS</c>: the hub scenario's clients reach both servers through a <see cref="SlowLink"/> each.</summary>
    public (double Megabits, double RoundTripMs)? SlowLink { get; init; }

    /// <summary>The scenario's size: the option if given, else the smoke or the full default.</summary>
    public T Pick<T>(T? given, T full, T smoke) where T : struct => given ?? (Smoke ? smoke : full);

    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        if (args.Length == 0 || !Scenarios.Contains(args[0]))
        {
            error.WriteLine($"usage: <{string.Join('|', Scenarios)}> [--runs N] [--smoke] [--wire] [--calls N] [--connections K] [--duration S] [--warmup S] [--clients N] [--rate N] [--reps N] [--event-delay-ms N] [--trace-page FILE] [--page PATH] [--sample S] [--ports FIRST-LAST] [--slow-link MBITS,RTTMS] [--set Key=Value]... [--telemetry]");
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var smoke = false;
        var wire = false;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--smoke")
            {
                smoke = true;
            }
            else if (args[i] == "--wire")
            {
                wire = true;
            }
            else if (args[i] == "--set" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [{ Length: > 0 } key, var value])
            {
                settings[key] = value;
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                error.WriteLine($"unknown or incomplete option '{args[i]}'");
                return null;
            }
        }
        try
        {
            var options = new LoadOptions
            {
                Scenario = args[0],
                Smoke = smoke,
                Wire = wire,
                Runs = Int(values, "runs") ?? (smoke ? 1 : 3),
                Calls = Int(values, "calls"),
                Connections = Int(values, "connections"),
                DurationSeconds = Double(values, "duration"),
                WarmupSeconds = Double(values, "warmup"),
                Clients = Int(values, "clients"),
                Rate = Int(values, "rate"),
                Reps = Int(values, "reps"),
                EventDelayMs = Int(values, "event-delay-ms"),
                AppSettings = settings,
                TracePage = values.GetValueOrDefault("trace-page"),
                Page = values.GetValueOrDefault("page"),
                SampleSeconds = Double(values, "sample"),
                SlowLink = values.TryGetValue("slow-link", out var link) ? ParseLink(link) : null,
                Ports = values.TryGetValue("ports", out var ports) ? PortRange.Parse(ports) ?? throw new FormatException($"--ports must be FIRST-LAST within 1024-65535; got '{ports}'") : null,
            };
            var unknown = values.Keys.Except(["runs", "calls", "connections", "duration", "warmup", "clients", "rate", "reps", "event-delay-ms", "trace-page", "page", "sample", "ports", "slow-link"]).ToList();
            if (unknown.Count > 0 || options.Runs < 1)
            {
                error.WriteLine(unknown.Count > 0 ? $"unknown option --{unknown[0]}" : "--runs must be at least 1");
                return null;
            }
            return options;
        }
        catch (FormatException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    private static (double, double) ParseLink(string text) =>
        text.Split(',') is [var mbits, var rtt]
        && double.TryParse(mbits, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0
        && double.TryParse(rtt, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r >= 0
            ? (m, r)
            : throw new FormatException($"--slow-link must be MBITS,RTTMS (e.g. 2,40); got '{text}'");

    private static int? Int(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static double? Double(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var v) ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
