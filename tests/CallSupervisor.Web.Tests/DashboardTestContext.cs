using CallSupervisor.Core.Pulse;
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
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected PulseService Pulse => Services.GetRequiredService<PulseService>();
}
