using CallSupervisor.Core.Pulse;
using Microsoft.Extensions.Options;
using Radzen;

namespace CallSupervisor.Web.Hosting;

/// <summary>Composition root of the dashboard.</summary>
public static class CallSupervisorServiceCollectionExtensions
{
    public const string ThemeCookieName = "CallSupervisorTheme";

    public static IServiceCollection AddCallSupervisor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .Validate(o => o.PulseInterval >= TimeSpan.FromMilliseconds(50), "Dashboard:PulseInterval must be at least 50 ms.")
            .Validate(o => o.BatchWindow >= TimeSpan.Zero && o.BatchWindow <= TimeSpan.FromSeconds(2), "Dashboard:BatchWindow must be between 0 and 2 s.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PulseService(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.BatchWindow, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<PulseTimer>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddRadzenCookieThemeService(o =>
        {
            o.Name = ThemeCookieName;
            o.Duration = TimeSpan.FromDays(365);
        });
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapCallSupervisorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}
