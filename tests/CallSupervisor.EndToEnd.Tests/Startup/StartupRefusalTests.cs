using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.Startup;

/// <summary>
/// The built app refusing to start over a folder it cannot write: one line naming the setting, exit code 78
/// (EX_CONFIG), no stack trace. The tests run as root, whom permissions do not stop, so the unwritable paths are ones
/// no user can create: a folder under a plain file, and a folder in /proc.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private const int ConfigurationError = 78;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(120);
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-refusal-" + Guid.NewGuid().ToString("N"));

    public StartupRefusalTests() => Directory.CreateDirectory(_home);

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData("EventLog:SqlitePath", "journal.db")]
    [InlineData("Audit:SqlitePath", "audit.db")]
    public async Task Start_DatabaseFolderUnderAFile_ExitsWithOneLineNamingTheSetting(string setting, string file)
    {
        var blocker = Path.Combine(_home, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var (exitCode, output) = await AppProcess.RunToExitAsync(_home, new Dictionary<string, string> { [setting] = Path.Combine(blocker, "sub", file) }, ExitTimeout);

        AssertRefused(exitCode, output, setting);
    }

    [Fact]
    public async Task Start_KeyFolderInProc_ExitsWithOneLineNamingTheSetting()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(_home, new Dictionary<string, string> { ["Security:KeyPath"] = "/proc/callsupervisor-keys" }, ExitTimeout);

        AssertRefused(exitCode, output, "Security:KeyPath");
    }

    private static void AssertRefused(int exitCode, string output, string setting)
    {
        Assert.True(exitCode == ConfigurationError, $"exit code {exitCode}, expected {ConfigurationError}:\n{output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var named = Assert.Single(lines, l => l.Contains(setting, StringComparison.Ordinal));
        Assert.StartsWith("CallSupervisor cannot start: " + setting, named, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }
}
