using CallSupervisor.Core.Pulse;
using CallSupervisor.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CallSupervisor.Web.Tests;

/// <summary>
/// Shared bUnit setup: Radzen services, loose JS interop (Radzen calls JS on render), and an interactive
/// Server renderer so components behave as they do in a circuit.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddRadzenCookieThemeService();
        Services.AddSingleton(new PulseService(TimeSpan.Zero));
        // The real store (pure, in memory) with no batch window: tests feed it events directly.
        Services.AddSingleton(new CallStore(TimeProvider.System, TimeSpan.Zero));
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected PulseService Pulse => Services.GetRequiredService<PulseService>();

    protected CallStore Store => Services.GetRequiredService<CallStore>();
}
