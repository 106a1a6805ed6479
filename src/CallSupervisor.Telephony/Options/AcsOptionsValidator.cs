using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Options;

/// <summary>
/// Checks <see cref="AcsOptions"/> at start-up and reports every problem at once, each message naming the
/// setting to fix, so a misconfigured deployment fails before the first call instead of on the first click.
/// </summary>
public sealed class AcsOptionsValidator : IValidateOptions<AcsOptions>
{
    public ValidateOptionsResult Validate(string? name, AcsOptions options)
    {
        var failures = new List<string>();
        ValidateCredentials(options, failures);

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            failures.Add("Acs:ApiVersion is empty; set it to 2024-09-15 (or remove it to use the default).");
        }

        // Optional: without it the app uses its own listening address (right for the embedded emulator).
        if (!string.IsNullOrEmpty(options.CallbackBaseUrl) && (options.CallbackUri is null || !IsHttp(new Uri(options.CallbackBaseUrl))))
        {
            failures.Add("Acs:CallbackBaseUrl must be the absolute http(s) URL the app is reachable at (callbacks go to {CallbackBaseUrl}/api/callbacks/acs), e.g. https://supervisor.contoso.com, or be left empty to use the app's own address.");
        }

        if (options.InvitationTimeout < TimeSpan.FromSeconds(1) || options.InvitationTimeout > TimeSpan.FromSeconds(180))
        {
            failures.Add("Acs:InvitationTimeout must be between 00:00:01 and 00:03:00 (the contract allows at most 180 seconds).");
        }

        if (!string.IsNullOrEmpty(options.SourceCallerIdNumber) && !IsE164(options.SourceCallerIdNumber))
        {
            failures.Add("Acs:SourceCallerIdNumber must be an E.164 number such as +18005550100.");
        }

        RetryOptionsValidation.Validate("Acs:Retry", options.Retry, failures);
        ValidateCallbackAuth(options.CallbackAuth, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsE164(string value) =>
        value.Length is >= 3 and <= 16 && value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static void ValidateCredentials(AcsOptions options, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(options.Endpoint);
        if (hasConnectionString && (hasEndpoint || options.UseManagedIdentity))
        {
            failures.Add("Set either Acs:ConnectionString, or Acs:Endpoint with Acs:UseManagedIdentity=true, not both.");
        }
        else if (hasConnectionString)
        {
            if (!AcsConnectionString.TryParse(options.ConnectionString, out _, out var error))
            {
                failures.Add("Acs:ConnectionString is invalid: " + error);
            }
        }
        else if (hasEndpoint || options.UseManagedIdentity)
        {
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || !IsHttp(endpoint))
            {
                failures.Add("Acs:Endpoint must be the absolute URL of the ACS resource, e.g. https://contoso.communication.azure.com.");
            }

            if (!options.UseManagedIdentity)
            {
                failures.Add("Acs:Endpoint needs Acs:UseManagedIdentity=true (Entra authentication); for access-key authentication set Acs:ConnectionString instead.");
            }
        }
        else
        {
            failures.Add("ACS is not configured: set Acs:ConnectionString ('endpoint=https://…;accesskey=…'), or Acs:Endpoint with Acs:UseManagedIdentity=true.");
        }
    }

    private static void ValidateCallbackAuth(AcsCallbackAuthOptions auth, List<string> failures)
    {
        if (!auth.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(auth.Audience))
        {
            failures.Add("Acs:CallbackAuth:Audience must be the ACS resource's immutable id (or set Acs:CallbackAuth:Enabled=false for local experiments).");
        }

        if (string.IsNullOrWhiteSpace(auth.Issuer))
        {
            failures.Add("Acs:CallbackAuth:Issuer is empty; remove it to use https://acscallautomation.communication.azure.com.");
        }

        if (!Uri.TryCreate(auth.MetadataAddress, UriKind.Absolute, out var metadata) || !IsHttp(metadata))
        {
            failures.Add("Acs:CallbackAuth:MetadataAddress must be an absolute URL of the OpenID configuration document.");
        }
        else if (auth.RequireHttpsMetadata && metadata.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Acs:CallbackAuth:MetadataAddress must use https (or set Acs:CallbackAuth:RequireHttpsMetadata=false for an emulator).");
        }

        if (auth.ClockSkew < TimeSpan.Zero || auth.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("Acs:CallbackAuth:ClockSkew must be between 00:00:00 and 00:05:00.");
        }
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
}

/// <summary>Shared checks of <see cref="RetryOptions"/>.</summary>
internal static class RetryOptionsValidation
{
    public static void Validate(string prefix, RetryOptions retry, List<string> failures)
    {
        if (retry.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{prefix}:MaxRetries must be between 0 and 10.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{prefix}:BaseDelay must be between 00:00:00 and 00:00:30.");
        }

        if (retry.MaxDelay < retry.BaseDelay)
        {
            failures.Add($"{prefix}:MaxDelay must be at least {prefix}:BaseDelay.");
        }

        if (retry.AttemptTimeout < TimeSpan.FromSeconds(1) || retry.AttemptTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{prefix}:AttemptTimeout must be between 00:00:01 and 00:05:00.");
        }
    }
}
