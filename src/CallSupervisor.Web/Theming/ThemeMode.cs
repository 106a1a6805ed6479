namespace CallSupervisor.Web.Theming;

/// <summary>The supervisor's choice of colours, kept per browser.</summary>
public enum ThemeMode
{
    System,
    Light,
    Dark,
}

/// <summary>
/// The theme choice as the first paint needs it: read from cookies during the static render (so there is no flash of
/// the wrong theme) and handed to the interactive root as a parameter. <see cref="SystemDark"/> is the browser's
/// own preference as last seen (the <c>Sec-CH-Prefers-Color-Scheme</c> client hint, or the cookie the page writes).
/// </summary>
public sealed record ThemeChoice(ThemeMode Mode, bool SystemDark)
{
    public const string ModeCookie = "CallSupervisorTheme";
    public const string SystemDarkCookie = "CallSupervisorSystemDark";
    public const string ClientHint = "Sec-CH-Prefers-Color-Scheme";

    public bool IsDark => Mode == ThemeMode.Dark || (Mode == ThemeMode.System && SystemDark);

    public static ThemeChoice From(HttpContext? context)
    {
        if (context is null)
        {
            return new(ThemeMode.System, false);
        }
        var mode = Enum.TryParse<ThemeMode>(context.Request.Cookies[ModeCookie], ignoreCase: true, out var parsed) ? parsed : ThemeMode.System;
        var hint = context.Request.Headers[ClientHint].ToString();
        var systemDark = hint.Length > 0
            ? hint.Contains("dark", StringComparison.OrdinalIgnoreCase)
            : context.Request.Cookies[SystemDarkCookie] == "1";
        return new(mode, systemDark);
    }
}
