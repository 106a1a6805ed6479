using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Playwright;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One app process and one Chromium (see <see cref="Chromium"/>) for the whole test collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-e2e-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// The app + embedded emulator (simulation off: tests create the calls they need), with a short ringing
    /// threshold so a test sees a call marked as needing attention within seconds.
    /// </summary>
    public ServiceFixture App { get; } = new BrowserAppFixture();

    public Uri BaseAddress => App.BaseAddress;

    public string AppOutput => App.AppOutput;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright, _home);
    }

    /// <summary>
    /// A fresh, isolated browser context (its own cookies): one per simulated supervisor. <paramref name="theme"/>
    /// ("light" / "dark") is set as the supervisor's remembered choice before the first page. It is signed in as
    /// <paramref name="user"/> (the session of a real sign-in through the emulator's provider, see <see cref="ServiceFixture.SessionAsync"/>), or anonymous when <paramref name="user"/> is null.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1366, int height = 820, string? theme = null, string? user = OidcSignIn.Supervisor) =>
        await Chromium.NewContextAsync(Browser, BaseAddress, user is null ? null : await App.SessionAsync(user), width, height, theme);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a browser helper may still hold a file for a moment.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The browser tests' app: a ringing invitation needs attention after 3 s instead of 30 s.</summary>
public sealed class BrowserAppFixture : ServiceFixture
{
    public const int RingingThresholdSeconds = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Figures:Ringing"] = $"00:00:{RingingThresholdSeconds:00}",
    };
}
