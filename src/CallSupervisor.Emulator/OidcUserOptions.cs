namespace CallSupervisor.Emulator;

/// <summary>A demo user of the development OpenID Connect provider (<c>Emulator:Oidc:Users:N</c>).</summary>
public sealed class OidcUserOptions
{
    /// <summary>The stable object id: the <c>oid</c> claim (and the source of the pairwise <c>sub</c>).</summary>
    public Guid Id { get; set; }

    /// <summary>The display name: the <c>name</c> claim.</summary>
    public string Name { get; set; } = "";

    /// <summary>The sign-in name (email-like): the <c>preferred_username</c> claim.</summary>
    public string Username { get; set; } = "";

    /// <summary>App roles (each one of <see cref="OidcOptions.AppRoles"/>): the <c>roles</c> claim, left out when empty, as Entra does.</summary>
    public List<string> Roles { get; set; } = [];
}
