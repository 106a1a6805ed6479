using System.Globalization;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Proves <c>--ports</c>: every second it lists the TCP ports in LISTEN state held by this process and every process
/// below it (the app, the baseline, Node, Chromium, and whatever they start), from <c>/proc/&lt;pid&gt;/fd</c> (socket
/// inodes) and <c>/proc/net/tcp{,6}</c>, and remembers any outside the range. Linux only; a sample can miss a listener
/// that lives for less than a second.
/// </summary>
public sealed class ListenerAudit : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly HashSet<int> _inRange = [];
    private readonly HashSet<string> _outside = [];

    public ListenerAudit() => _loop = Task.Run(LoopAsync);

    /// <summary>Listening ports seen inside the range.</summary>
    public int InRange
    {
        get
        {
            lock (_inRange)
            {
                return _inRange.Count;
            }
        }
    }

    /// <summary>"port (process)" for each listener seen outside the range.</summary>
    public IReadOnlyList<string> Outside
    {
        get
        {
            lock (_inRange)
            {
                return [.. _outside];
            }
        }
    }

    /// <summary>One sample now (also taken every second).</summary>
    public void Sample()
    {
        foreach (var (pid, port) in Listeners(Environment.ProcessId))
        {
            lock (_inRange)
            {
                if (PortRange.Contains(port))
                {
                    _inRange.Add(port);
                }
                else
                {
                    _outside.Add($"{port} ({Name(pid)}, pid {pid})");
                }
            }
        }
    }

    /// <summary>(pid, port) of every listening TCP socket of <paramref name="root"/> and its descendants.</summary>
    public static IEnumerable<(int Pid, int Port)> Listeners(int root)
    {
        var listening = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 9 && f[3] == "0A")
                {
                    listening[f[9]] = int.Parse(f[1][(f[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
        }
        foreach (var pid in Descendants(root).Prepend(root))
        {
            string[] fds;
            try
            {
                fds = Directory.GetFiles($"/proc/{pid}/fd");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var fd in fds)
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && listening.TryGetValue(target[8..^1], out var port))
                {
                    yield return (pid, port);
                }
            }
        }
    }

    private static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            var stat = ReadLines($"{dir}/stat").FirstOrDefault();
            // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
            var close = stat?.LastIndexOf(')') ?? -1;
            if (stat is null || close < 0 || close + 2 >= stat.Length)
            {
                continue;
            }
            var rest = stat[(close + 2)..].Split(' ');
            if (rest.Length > 1 && int.TryParse(rest[1], out var parent))
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
        }
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }
        return result;
    }

    private static string Name(int pid) => ReadLines($"/proc/{pid}/comm").FirstOrDefault() ?? "?";

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private async Task LoopAsync()
    {
        // The sampling clock of the audit itself, not a wait for a result.
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                Sample();
            }
            while (await tick.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
