using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Pulse;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Commands;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Calls;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CallSupervisor.Web.Tests;

/// <summary>
/// Shared bUnit setup: Radzen services, loose JS interop (Radzen calls JS on render), an interactive Server
/// renderer, the real in-memory store (no batch window) and the real command service over fake ports, so
/// components see exactly the state transitions the app produces.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddRadzenCookieThemeService();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(new PulseService(TimeSpan.Zero));
        Services.AddSingleton(StoreTestKit.NewStore(Time));
        Services.AddSingleton<ICallAutomationPort>(Acs);
        Services.AddSingleton<IGraphCallsPort>(Graph);
        Services.AddSingleton<SupervisorCommandService>();
        Services.AddScoped<SupervisorIdentity>();
        Services.AddScoped<SupervisorActions>();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    internal ManualTimeProvider Time { get; } = new();

    internal TestEvents Events { get; } = new();

    internal FakeCallAutomationPort Acs { get; } = new();

    internal FakeGraphCallsPort Graph { get; } = new();

    protected PulseService Pulse => Services.GetRequiredService<PulseService>();

    protected CallStore Store => Services.GetRequiredService<CallStore>();

    /// <summary>Answers the next confirmation dialog with <paramref name="answer"/> as soon as it opens.</summary>
    protected void AnswerNextDialog(bool answer)
    {
        var dialogs = Services.GetRequiredService<DialogService>();
        void OnOpen(string? title, Type type, Dictionary<string, object?> parameters, DialogOptions options)
        {
            dialogs.OnOpen -= OnOpen;
            _ = Task.Run(() => dialogs.Close(answer));
        }
        dialogs.OnOpen += OnOpen;
    }

    protected IReadOnlyList<NotificationMessage> Notifications => [.. Services.GetRequiredService<NotificationService>().Messages];
}
