using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Sign-in with Microsoft.Identity.Web: OpenID Connect authorization code + PKCE against Entra ID (section
/// <c>AzureAd</c>), a cookie session, app roles from the token; app-only tokens for screens and scripts
/// (<see cref="AppTokenSetup"/>). Machine clients (the hubs, the Blazor circuit's own
/// connection, the APIs, the audit export) get 401/403 instead of a redirect to a sign-in page they cannot follow.
/// </summary>
public static class SignInSetup
{
    public const string SectionName = "AzureAd";

    public static IServiceCollection AddCallSupervisorSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var localSignIn = configuration.GetValue<bool>($"{SecurityOptions.SectionName}:{nameof(SecurityOptions.LocalSignIn)}");
        // The default scheme picks, per request, an app-only token or the person's session (AppTokenSetup).
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = AppTokenSetup.SelectorScheme;
            options.DefaultChallengeScheme = AppTokenSetup.ChallengeSelectorScheme;
        });
        authentication.AddMicrosoftIdentityWebApp(section);
        authentication.AddAppTokens(section, localSignIn);

        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            // Authorization code + PKCE (UsePkce is on by default), the code redeemed with the client secret.
            options.ResponseType = "code";
            options.UsePkce = true;
            options.ClientSecret ??= section["ClientSecret"];
            options.SignedOutRedirectUri = "/account/signed-out";
            if (localSignIn)
            {
                // The local provider speaks http and is not Entra: Identity.Web's issuer validator fetches Entra
                // metadata over https on its own, so validate the issuer against the local authority instead.
                var authority = $"{section["Instance"]?.TrimEnd('/')}/{section["TenantId"]}/v2.0";
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters.IssuerValidator = null;
                options.TokenValidationParameters.ValidIssuer = authority;
                // Over http the sign-in's correlation and nonce cookies cannot be Secure, and SameSite=None demands
                // Secure. With Lax they still come back, because the provider answers with a top-level redirect
                // (response_mode=query) rather than a cross-site form post (the app may be on localhost and the
                // provider on 127.0.0.1: different sites).
                options.ResponseMode = "query";
                foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
                {
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    cookie.SameSite = SameSiteMode.Lax;
                }
            }
            // The page the sign-in returns to travels in the protected state; checked again here, where the redirect is
            // made, so no path into the properties (a challenge from any endpoint) can send a browser elsewhere.
            var ticketReceived = options.Events.OnTicketReceived;
            options.Events.OnTicketReceived = async context =>
            {
                await ticketReceived(context);
                if (context.ReturnUri is { } returnUri)
                {
                    context.ReturnUri = AccountEndpoints.LocalOnly(returnUri);
                }
            };
            var redirect = options.Events.OnRedirectToIdentityProvider;
            options.Events.OnRedirectToIdentityProvider = async context =>
            {
                if (Hosting.MachineRequests.Is(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.HandleResponse();
                    return;
                }
                await redirect(context);
            };
        });
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.Cookie.Name = "CallSupervisor.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.AccessDeniedPath = "/access-denied";
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                await DeviceSignInEndpoints.ValidateAsync(context);
            };
            var denied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (Hosting.MachineRequests.Is(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                }
                return denied(context);
            };
        });
        services.AddAuthorization(SupervisorPolicies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
