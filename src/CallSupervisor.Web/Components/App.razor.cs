using CallSupervisor.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace CallSupervisor.Web.Components;

public partial class App
{
    private string _initialTheme = ThemeNames.Light;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    // Pages marked [ExcludeFromInteractiveRouting] (the error page) render statically: they must work even when
    // the circuit cannot start.
    private IComponentRenderMode? PageRenderMode =>
        HttpContext?.AcceptsInteractiveRouting() == false ? null : RenderMode.InteractiveServer;

    protected override void OnInitialized()
    {
        // Read the persisted choice during the static render, so the first paint already has the right theme.
        var cookie = HttpContext?.Request.Cookies[CallSupervisorServiceCollectionExtensions.ThemeCookieName];
        _initialTheme = ThemeNames.Normalize(cookie);
    }
}
