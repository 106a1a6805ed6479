using CallSupervisor.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components;

public partial class App
{
    private string _initialTheme = ThemeNames.Light;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected override void OnInitialized()
    {
        // Read the persisted choice during the static render, so the first paint already has the right theme.
        var cookie = HttpContext?.Request.Cookies[CallSupervisorServiceCollectionExtensions.ThemeCookieName];
        _initialTheme = ThemeNames.Normalize(cookie);
    }
}
