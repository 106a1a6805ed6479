using CallSupervisor.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace CallSupervisor.Web.Components;

public partial class App
{
    private ThemeChoice _theme = new(ThemeMode.System, false);

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    // Pages marked [ExcludeFromInteractiveRouting] (the error page) render statically: they must work even when
    // the circuit cannot start.
    private IComponentRenderMode? PageRenderMode =>
        HttpContext?.AcceptsInteractiveRouting() == false ? null : RenderMode.InteractiveServer;

    protected override void OnInitialized()
    {
        // Read during the static render, so the first paint already has the chosen theme. Asking for the client
        // hint lets Chromium tell the system preference on later requests (for "System").
        _theme = ThemeChoice.From(HttpContext);
        HttpContext?.Response.Headers.Append("Accept-CH", ThemeChoice.ClientHint);
        HttpContext?.Response.Headers.Append("Vary", ThemeChoice.ClientHint);
    }
}
