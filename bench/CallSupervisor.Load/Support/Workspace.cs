using System.Reflection;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Where the harness keeps what it starts: one private temporary folder (the HOME/TMPDIR of every child process and
/// of Chromium, the app's event log, audit database and keys), deleted at the end; and the paths of the built app.
/// </summary>
public sealed class Workspace : IDisposable
{
    private int _next;

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "callsupervisor-load-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The folder holding CallSupervisor.sln, found by walking up from this program.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release or Debug: the app is expected to be built like this harness (dotnet run -c Release builds both).</summary>
    public static string Configuration { get; } =
        typeof(Workspace).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string WebAppDll => Path.Combine(RepositoryRoot, "src", "CallSupervisor.Web", "bin", Configuration, "net10.0", "CallSupervisor.Web.dll");

    /// <summary>This program's own dll, started again in its baseline-server mode.</summary>
    public static string HarnessDll => typeof(Workspace).Assembly.Location;

    /// <summary>A new private folder for one child (its HOME).</summary>
    public string NewHome(string name)
    {
        var path = Path.Combine(Root, $"{Interlocked.Increment(ref _next):D2}-{name}");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a child may still hold a file for a moment.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallSupervisor.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CallSupervisor.sln not found above " + AppContext.BaseDirectory);
    }
}
