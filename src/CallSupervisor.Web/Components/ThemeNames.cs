namespace CallSupervisor.Web.Components;

/// <summary>The two Radzen themes the dashboard offers.</summary>
public static class ThemeNames
{
    public const string Light = "material";
    public const string Dark = "material-dark";

    /// <summary>Maps a persisted value to a known theme; anything else (tampered cookie) falls back to light.</summary>
    public static string Normalize(string? value) =>
        string.Equals(value, Dark, StringComparison.Ordinal) ? Dark : Light;
}
