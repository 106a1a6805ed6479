namespace CallSupervisor.Emulator.Oidc;

/// <summary>A demo user as the provider uses it: an immutable copy of its <see cref="OidcUserOptions"/> taken at start.</summary>
internal sealed record DemoUser(string ObjectId, string Name, string Username, IReadOnlyList<string> Roles)
{
    public static DemoUser From(OidcUserOptions options) =>
        new(options.Id.ToString("D"), options.Name, options.Username, [.. options.Roles]);

    /// <summary>What the sign-in page shows next to the name.</summary>
    public string RolesText => Roles.Count == 0 ? "No roles" : "Roles: " + string.Join(", ", Roles);
}
