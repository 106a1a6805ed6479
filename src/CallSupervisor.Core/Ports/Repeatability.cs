using System.Security.Cryptography;
using System.Text;

namespace CallSupervisor.Core.Ports;

/// <summary>
/// The Repeatability-Request-ID and Repeatability-First-Sent of a request that may be sent again after a restart:
/// both follow from what the event log keeps (the operationContext and when the request was planned), so the same
/// request gets the same headers and ACS carries it out once.
/// </summary>
public sealed record Repeatability(Guid RequestId, DateTimeOffset FirstSent)
{
    /// <summary>The headers for the request planned at <paramref name="plannedAt"/> with <paramref name="operationContext"/>.</summary>
    public static Repeatability For(string operationContext, DateTimeOffset plannedAt)
    {
        ArgumentNullException.ThrowIfNull(operationContext);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(operationContext));
        // The contract asks for a version 4 UUID: its random bits are taken from the hash instead, so the id stays
        // the same for the same context (ACS only checks the form; the version and variant bits of RFC 9562 are set).
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        // IMF-fixdate has whole seconds: truncated, the value is the same on every attempt.
        return new Repeatability(new Guid(hash.AsSpan(0, 16), bigEndian: true), DateTimeOffset.FromUnixTimeSeconds(plannedAt.ToUnixTimeSeconds()));
    }
}
