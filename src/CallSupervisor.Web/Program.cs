using CallSupervisor.Web.Components;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Security;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.UseRepositoryDevelopmentSettings(builder.Environment);
    await using var emulator = await EmbeddedEmulator.StartIfEnabledAsync(builder);
    builder.Services.AddCallSupervisor(builder.Configuration, builder.Environment);
    if (emulator is not null && builder.Configuration.GetValue<bool>("Emulator:Simulation:AgentBreaks"))
    {
        builder.Services.AddHostedService<SimulatedAgentDesktops>();
    }

    var app = builder.Build();
    // The start-up checks run here rather than inside the host's start, so a refusal is reported as one line (below)
    // instead of the host's "Hosting failed to start" with a stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();

    app.UseCallSupervisorErrorHandling();
    app.UseCallSupervisorSecurity();
    app.UseAntiforgery();

    var circuitCompression = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.CircuitCompression;
    // Static assets are public (the sign-in and error pages use them too).
    app.MapStaticAssets().AllowAnonymous();
    app.MapRazorComponents<App>()
        .AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = !circuitCompression)
        .WithWebSocketCompression(app, circuitCompression);
    app.MapCallSupervisorEndpoints();

    emulator?.AttachWhenStarted(app);
    await app.RunAsync();
    return 0;
}
catch (Exception refused) when (StartupRefusal.IsRefusal(refused) && StartupRefusal.OwnsProcess)
{
    return StartupRefusal.Report(refused, Console.Error);
}

/// <summary>Entry point; public so integration tests can reference it.</summary>
public partial class Program;
