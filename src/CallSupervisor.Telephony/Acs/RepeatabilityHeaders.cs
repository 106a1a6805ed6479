using System.Globalization;

namespace CallSupervisor.Telephony.Acs;

/// <summary>
/// Repeatability-Request-ID (v4 UUID) and Repeatability-First-Sent (IMF-fixdate) of one logical request. Created
/// once and put on every attempt, so ACS recognises a retry of a request it already executed and does not mute,
/// invite or cancel twice.
/// </summary>
internal sealed record RepeatabilityHeaders(Guid RequestId, DateTimeOffset FirstSent)
{
    public const string RequestIdHeader = "Repeatability-Request-ID";
    public const string FirstSentHeader = "Repeatability-First-Sent";

    public static RepeatabilityHeaders Create(TimeProvider timeProvider) =>
        // IMF-fixdate has whole seconds; truncating keeps the value stable across retries and round trips.
        new(Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds(timeProvider.GetUtcNow().ToUnixTimeSeconds()));

    public void Apply(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation(RequestIdHeader, RequestId.ToString("D"));
        request.Headers.TryAddWithoutValidation(FirstSentHeader, FirstSent.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
    }
}
