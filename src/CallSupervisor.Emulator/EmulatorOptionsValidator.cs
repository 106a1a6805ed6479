using System.Net;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Emulator;

/// <summary>
/// Validates <see cref="EmulatorOptions"/>. Used by <see cref="EmulatorHost.StartAsync(EmulatorOptions, Microsoft.Extensions.Logging.ILoggerFactory?, CancellationToken)"/>
/// and registrable with <c>AddOptions&lt;EmulatorOptions&gt;().ValidateOnStart()</c>. Loopback is enforced because the
/// emulator must never listen on, or post to, anything but this machine.
/// </summary>
public sealed partial class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var errors = GetErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> GetErrors(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateEndpoints(options, errors);
        ValidateSimulation(options.Simulation, errors);
        ValidateFaults(options.Faults, errors);
        ValidateOidc(options.Oidc, errors);
        return errors;
    }

    /// <summary>True for http URLs on a loopback IP or localhost (an absolute URI is required).</summary>
    public static bool IsLoopbackHttp(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static void ValidateEndpoints(EmulatorOptions o, List<string> errors)
    {
        if (!Uri.TryCreate(o.Urls, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || !IsLoopbackHttp(url))
        {
            errors.Add($"Emulator:Urls must be one http URL on a loopback address (e.g. http://127.0.0.1:0); got '{o.Urls}'.");
        }
        else if (url.IsLoopback && url.Port == 0 && string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Emulator:Urls cannot use port 0 with 'localhost'; use http://127.0.0.1:0.");
        }
        if (o.AccessKey is { Length: > 0 } key && !IsBase64(key))
        {
            errors.Add("Emulator:AccessKey must be base64 (leave it empty for a random key per run).");
        }
        if (!Uri.TryCreate(o.Issuer, UriKind.Absolute, out _))
        {
            errors.Add($"Emulator:Issuer must be an absolute URI; got '{o.Issuer}'.");
        }
        if (string.IsNullOrWhiteSpace(o.ResourceId))
        {
            errors.Add("Emulator:ResourceId is required (it is the audience of callback JWTs).");
        }
        if (o.AppBaseUrl is { } app && !IsLoopbackHttp(app))
        {
            errors.Add($"Emulator:AppBaseUrl must be an absolute http URL on a loopback address; got '{app}'.");
        }
        if (string.IsNullOrWhiteSpace(o.EventGridPath) || string.IsNullOrWhiteSpace(o.GraphNotificationPath))
        {
            errors.Add("Emulator:EventGridPath and Emulator:GraphNotificationPath are required.");
        }
        if (o.ParticipantsPageSize < 1)
        {
            errors.Add("Emulator:ParticipantsPageSize must be at least 1.");
        }
        if (o.CallbackRetryCount is < 0 or > 10)
        {
            errors.Add("Emulator:CallbackRetryCount must be between 0 and 10.");
        }
        if (o.CallbackRetryBaseDelay < TimeSpan.Zero || o.CallbackTimeout <= TimeSpan.Zero)
        {
            errors.Add("Emulator:CallbackRetryBaseDelay must not be negative and Emulator:CallbackTimeout must be positive.");
        }
    }

    private static void ValidateSimulation(SimulationOptions s, List<string> errors)
    {
        const string p = "Emulator:Simulation:";
        if (s.TargetConcurrentCalls is < 0 or > 500)
        {
            errors.Add(p + "TargetConcurrentCalls must be between 0 and 500 (or unset for Poisson arrivals).");
        }
        ValidateContactCenter(s, errors);
        if (s.CallArrivalInterval <= TimeSpan.Zero || s.AnswerTimeout <= TimeSpan.Zero || s.DefaultInvitationTimeout <= TimeSpan.Zero)
        {
            errors.Add(p + "CallArrivalInterval, AnswerTimeout and DefaultInvitationTimeout must be positive.");
        }
        if (s.ConnectDelay < TimeSpan.Zero || s.EventDelay < TimeSpan.Zero)
        {
            errors.Add(p + "ConnectDelay and EventDelay must not be negative.");
        }
        Range(errors, p + "CallDuration", s.CallDurationMin, s.CallDurationMax);
        Range(errors, p + "InvitationAcceptDelay", s.InvitationAcceptDelayMin, s.InvitationAcceptDelayMax);
        Range(errors, p + "MediaDuration", s.MediaDurationMin, s.MediaDurationMax);
        Range(errors, p + "ParticipantChangeInterval", s.ParticipantChangeIntervalMin, s.ParticipantChangeIntervalMax);
        Probability(errors, p + "GraphCallShare", s.GraphCallShare);
        Probability(errors, p + "PhoneCallerShare", s.PhoneCallerShare);
        Probability(errors, p + "InvitationAcceptProbability", s.InvitationAcceptProbability);
        Probability(errors, p + "InvitationDeclineProbability", s.InvitationDeclineProbability);
        if (s.InvitationAcceptProbability + s.InvitationDeclineProbability > 1)
        {
            errors.Add(p + "InvitationAcceptProbability + InvitationDeclineProbability must not exceed 1.");
        }
        if (s.MaxParticipantsPerCall < 1)
        {
            errors.Add(p + "MaxParticipantsPerCall must be at least 1.");
        }
    }

    private static void ValidateFaults(FaultOptions f, List<string> errors)
    {
        const string p = "Emulator:Faults:";
        if (f.RestLatency < TimeSpan.Zero || f.ReorderHoldWindow < TimeSpan.Zero)
        {
            errors.Add(p + "RestLatency and ReorderHoldWindow must not be negative.");
        }
        if (f.FailNextRequests < 0 || f.ReorderBatchSize < 0)
        {
            errors.Add(p + "FailNextRequests and ReorderBatchSize must not be negative.");
        }
        if (f.FailStatusCode is < 400 or > 599)
        {
            errors.Add(p + "FailStatusCode must be an HTTP error status (400–599).");
        }
        if (f.FailOperation is { Length: > 0 } op && !Http.OperationNames.IsKnown(op))
        {
            errors.Add($"{p}FailOperation '{op}' is not an operation name ({string.Join(", ", Http.OperationNames.All)}).");
        }
        Probability(errors, p + "DropCallbackProbability", f.DropCallbackProbability);
    }

    private static void Range(List<string> errors, string name, TimeSpan min, TimeSpan max)
    {
        if (min < TimeSpan.Zero || max < min)
        {
            errors.Add($"{name}Min must not be negative and {name}Max must not be below it.");
        }
    }

    private static void Probability(List<string> errors, string name, double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            errors.Add($"{name} must be between 0 and 1.");
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
