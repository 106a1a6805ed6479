using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Refuses to start outside Development with settings that are only for a developer's machine: callbacks without
/// authentication, the local sign-in provider, or no host filtering (AllowedHosts "*" lets any Host header through,
/// which the hub origin check relies on).
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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
