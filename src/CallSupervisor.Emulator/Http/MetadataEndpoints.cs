using CallSupervisor.Emulator.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallSupervisor.Emulator.Http;

/// <summary>OpenID metadata and JWKS for validating callback JWTs (anonymous, as on ACS).</summary>
internal static class MetadataEndpoints
{
    public const string OpenIdPath = "calling/.well-known/acsopenidconfiguration";
    public const string KeysPath = "calling/keys";

    public static void MapMetadata(this IEndpointRouteBuilder app, CallbackTokenIssuer tokens, Func<Uri> baseAddress)
    {
        app.MapGet("/" + OpenIdPath, () => Json(tokens.OpenIdMetadata(new Uri(baseAddress(), KeysPath)).ToJsonString()));
        app.MapGet("/" + KeysPath, () => Json(tokens.Jwks().ToJsonString()));
    }

    private static ApiResult Json(string json) => new(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetBytes(json));
}
