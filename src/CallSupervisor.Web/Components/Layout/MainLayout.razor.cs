using CallSupervisor.Web.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CallSupervisor.Web.Components.Layout;

/// <summary>
/// The shell: app bar (totals, connection state, alerts, who is signed in, theme), navigation drawer and the page.
/// The theme comes from the request's cookies (<see cref="ThemeChoice"/>), so the first paint is already right; in
/// "System" mode the browser's preference is followed live once the circuit runs, and remembered in a cookie for the
/// next first paint.
/// </summary>
public partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private ThemeMode _mode = ThemeMode.System;
    private bool _dark;

    [CascadingParameter] public ThemeChoice Theme { get; set; } = new(ThemeMode.System, false);

    [Inject] public required IJSRuntime JS { get; init; }

    protected override void OnInitialized()
    {
        _mode = Theme.Mode;
        _dark = Theme.IsDark;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && _themeProvider is not null)
        {
            await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChanged);
            await OnSystemDarkModeChanged(await _themeProvider.GetSystemDarkModeAsync());
        }
    }

    private async Task OnSystemDarkModeChanged(bool systemDark)
    {
        await JS.InvokeVoidAsync("callSupervisor.rememberSystemDark", systemDark);
        if (_mode == ThemeMode.System && _dark != systemDark)
        {
            _dark = systemDark;
            await InvokeAsync(StateHasChanged);
        }
    }

    private async Task SetModeAsync(ThemeMode mode)
    {
        _mode = mode;
        _dark = mode switch
        {
            ThemeMode.Dark => true,
            ThemeMode.Light => false,
            _ => _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync(),
        };
        await JS.InvokeVoidAsync("callSupervisor.saveTheme", mode.ToString().ToLowerInvariant(), _dark);
    }
}
