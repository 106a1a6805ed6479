namespace CallSupervisor.Emulator;

/// <summary>
/// A daemon app of the development OpenID Connect provider (<c>Emulator:Oidc:Apps:N</c>): an app registration with
/// a client secret that gets app-only tokens by the client credentials grant, as a wallboard or a script does on Entra.
/// </summary>
public sealed class OidcAppOptions
{
    /// <summary>The app's client id: the <c>azp</c> and <c>appid</c> of its tokens.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's secret (at least 16 characters, no spaces).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>What the board calls the app (the <c>name</c> claim of its tokens, e.g. "Wallboard, 3rd floor").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The app roles granted to the app (each one of <see cref="OidcOptions.AppRoles"/>): the <c>roles</c> claim,
    /// left out when empty, as Entra does for an app without an assigned role.
    /// </summary>
    public List<string> Roles { get; set; } = [];
}
