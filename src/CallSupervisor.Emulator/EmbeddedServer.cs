using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator;

/// <summary>
/// The emulator's Kestrel server lives inside someone else's process (the web app in Development, or a test): it must
/// neither react to Ctrl+C nor print console lifetime banners of its own; its owner disposes it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Puts the inner server's framework logs (Kestrel, hosting, routing) under <c>CallSupervisor.Emulator.Server.*</c>
/// so the host app's "Microsoft.AspNetCore" log levels and its request logs are not mixed with the emulator's.
/// </summary>
internal sealed class EmulatorLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private const string Prefix = "CallSupervisor.Emulator";

    public ILogger CreateLogger(string categoryName) =>
        inner.CreateLogger(categoryName.StartsWith(Prefix, StringComparison.Ordinal) ? categoryName : $"{Prefix}.Server.{categoryName}");

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
