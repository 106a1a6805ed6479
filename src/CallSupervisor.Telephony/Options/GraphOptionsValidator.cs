using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Options;

/// <summary>Checks <see cref="GraphOptions"/> at start-up; every message names the setting to fix.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    /// <summary>Graph's limit on clientState.</summary>
    public const int MaxClientStateLength = 128;

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Graph:BaseUrl must be an absolute URL such as https://graph.microsoft.com/v1.0/.");
        }

        var hasStatic = !string.IsNullOrWhiteSpace(options.StaticBearerToken);
        var secretParts = new[] { options.TenantId, options.ClientId, options.ClientSecret }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (hasStatic && secretParts > 0)
        {
            failures.Add("Set either Graph:StaticBearerToken (emulator) or Graph:TenantId/ClientId/ClientSecret, not both.");
        }
        else if (!hasStatic && secretParts < 3)
        {
            failures.Add("Graph credentials are incomplete: set Graph:TenantId, Graph:ClientId and Graph:ClientSecret (or Graph:StaticBearerToken for the emulator, or Graph:Enabled=false without Graph-hosted calls).");
        }

        if (string.IsNullOrEmpty(options.ClientState) || options.ClientState.Length > MaxClientStateLength)
        {
            failures.Add($"Graph:ClientState must be set to the secret registered with the bot's notifications (1 to {MaxClientStateLength} characters).");
        }

        RetryOptionsValidation.Validate("Graph:Retry", options.Retry, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
