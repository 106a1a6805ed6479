using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Refuses to start outside Development with settings that are only for a developer's machine or that cannot work
/// against real ACS and Entra ID: callbacks without authentication, the local sign-in provider, no host filtering
/// (AllowedHosts "*" lets any Host header through, which the hub origin check relies on), no public https callback
/// address (ACS would be told to call the app's own listening address, e.g. http://127.0.0.1), and sign-in settings
/// that fail on every request (an http authority) or at the first sign-in (no client id or credential). The shape of
/// the callback base URL (absolute http(s)) is checked in every environment with the other ACS settings.
/// </summary>
internal sealed class ProductionSettingsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        var callbackBase = configuration["Acs:CallbackBaseUrl"];
        if (!configuration.GetValue("Acs:CallbackAuth:Enabled", true))
        {
            failures.Add("Acs:CallbackAuth:Enabled=false is for local experiments only: outside Development every ACS callback must be authenticated.");
        }
        if (options.LocalSignIn)
        {
            failures.Add("Security:LocalSignIn is for the embedded emulator only: outside Development sign in with Entra ID (AzureAd:*).");
        }
        var hosts = configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains("*"))
        {
            failures.Add("AllowedHosts must list the dashboard's host names (e.g. \"supervisor.contoso.com\"), not \"*\": the hubs' origin check relies on host filtering.");
        }
        if (string.IsNullOrWhiteSpace(callbackBase))
        {
            failures.Add("Acs:CallbackBaseUrl must be set outside Development: the public https address ACS calls back (e.g. https://supervisor.contoso.com); without it ACS would be told the app's own listening address.");
        }
        else if (IsAbsolute(callbackBase, "http"))
        {
            failures.Add($"Acs:CallbackBaseUrl must be an https URL outside Development (ACS calls back over https only); got '{callbackBase}'.");
        }
        if (!options.LocalSignIn)
        {
            failures.AddRange(SignInFailures(configuration.GetSection(SignInSetup.SectionName)));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // What Identity.Web needs for the code flow against Entra ID, checked here so that a wrong value stops the start
    // instead of failing each request (an http authority makes the OpenID Connect handler throw on every request).
    private static IEnumerable<string> SignInFailures(IConfigurationSection azureAd)
    {
        var authority = azureAd["Authority"];
        if (!string.IsNullOrWhiteSpace(authority))
        {
            if (!IsAbsolute(authority, "https"))
            {
                yield return $"AzureAd:Authority must be an absolute https URL (e.g. https://login.microsoftonline.com/<tenant id>/v2.0); got '{authority}'.";
            }
        }
        else
        {
            var instance = azureAd["Instance"];
            if (string.IsNullOrWhiteSpace(instance) || !IsAbsolute(instance, "https"))
            {
                yield return $"AzureAd:Instance must be an absolute https URL (https://login.microsoftonline.com/ for Entra ID); got '{instance}'.";
            }
            if (string.IsNullOrWhiteSpace(azureAd["TenantId"]))
            {
                yield return "AzureAd:TenantId must be set: the directory (tenant) id of the app registration.";
            }
        }
        if (string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            yield return "AzureAd:ClientId must be set: the application (client) id of the app registration.";
        }
        if (string.IsNullOrWhiteSpace(azureAd["ClientSecret"]) && !azureAd.GetSection("ClientCredentials").GetChildren().Any())
        {
            yield return "AzureAd:ClientSecret (or AzureAd:ClientCredentials) must be set: the sign-in redeems its code with the app's credential.";
        }
    }

    private static bool IsAbsolute(string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) && uri.Host.Length > 0;
}
