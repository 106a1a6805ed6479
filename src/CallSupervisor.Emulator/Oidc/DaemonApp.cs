using System.Security.Cryptography;
using System.Text;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>A daemon app as the provider uses it: an immutable copy of its <see cref="OidcAppOptions"/> taken at start.</summary>
internal sealed record DaemonApp(string ClientId, string ClientSecret, string DisplayName, IReadOnlyList<string> Roles, string ObjectId)
{
    public static DaemonApp From(OidcAppOptions options, string tenantId) =>
        new(options.ClientId, options.ClientSecret, options.DisplayName, [.. options.Roles], ServicePrincipalId(tenantId, options.ClientId));

    /// <summary>What the start-up line says about it.</summary>
    public string Summary => $"{ClientId} ({(Roles.Count == 0 ? "no role" : string.Join(", ", Roles))})";

    /// <summary>
    /// On Entra an app's tokens carry the object id of its service principal in the tenant: a GUID that stays the same
    /// for every token. Derived from the tenant and client id here, so it is stable across restarts without being
    /// configured (the board and the audit trail know an app by it).
    /// </summary>
    private static string ServicePrincipalId(string tenantId, string clientId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"service-principal|{tenantId}|{clientId}"))[..16];
        // Version 8 (custom) and the RFC 9562 variant, so it reads as a well-formed GUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
