using System.Reflection;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The folder holding CallSupervisor.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Build configuration of this test assembly; the app is expected to be built the same way.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string WebAppDll => Path.Combine(Root, "src", "CallSupervisor.Web", "bin", Configuration, "net10.0", "CallSupervisor.Web.dll");

    public static string LoadBalancerDll => Path.Combine(Root, "samples", "CallSupervisor.LoadBalancer", "bin", Configuration, "net10.0", "CallSupervisor.LoadBalancer.dll");

    public static string ScreenshotDirectory => Path.Combine(Root, "tests", "CallSupervisor.EndToEnd.Tests", "screenshots");

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
