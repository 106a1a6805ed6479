namespace CallSupervisor.Web.Theming;

/// <summary>Names of the cascading values the layouts give their pages.</summary>
public static class ThemeCascade
{
    /// <summary>True while the dark palette is in use (charts draw with the palette of the mode shown).</summary>
    public const string DarkMode = "CallSupervisor.DarkMode";
}
