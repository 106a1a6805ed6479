namespace CallSupervisor.Emulator.Oidc;

/// <summary>
/// Where Entra ID serves its v2.0 endpoints, relative to the instance (<c>https://login.microsoftonline.com/</c>
/// there, the emulator's base address here). Identity.Web derives the authority <c>{instance}{tenant}/v2.0</c> and
/// reads everything else from its discovery document, but keeping Entra's layout keeps logs and URLs familiar.
/// </summary>
internal static class OidcPaths
{
    public static string Authority(string tenantId) => $"{tenantId}/v2.0";

    public static string Discovery(string tenantId) => $"{tenantId}/v2.0/.well-known/openid-configuration";

    public static string Keys(string tenantId) => $"{tenantId}/discovery/v2.0/keys";

    public static string Authorize(string tenantId) => $"{tenantId}/oauth2/v2.0/authorize";

    public static string Token(string tenantId) => $"{tenantId}/oauth2/v2.0/token";

    public static string Logout(string tenantId) => $"{tenantId}/oauth2/v2.0/logout";
}
