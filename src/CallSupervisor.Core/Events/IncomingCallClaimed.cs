using System.Security.Cryptography;
using System.Text;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>
/// This app is about to answer an incoming call. Event Grid delivers at least once, and a delivery may reach any
/// instance, so the decision to answer goes through the event log: the first claim of an <c>incomingCallContext</c>
/// applies, and every later one — a redelivery, the same call under a new event id, a claim from another instance or
/// after a restart — is a Duplicate; only the claimant whose claim applied answers. It changes no call.
/// </summary>
/// <remarks>
/// <see cref="ClaimKey"/> (a hash of the context: contexts are kilobytes long) is what the store remembers, with the
/// callbacks' event ids, so it is kept by checkpoints and forgotten after the same window. The event id is unique per
/// attempt, so each claimant learns the outcome of its own claim, not of another's with the same key.
/// <see cref="CallEvent.CallId"/> is the key too: a claim belongs to no call on the board.
/// </remarks>
public sealed record IncomingCallClaimed(string EventId, CallId CallId, DateTimeOffset OccurredAt, string ClaimKey, string IncomingEventId)
    : CallEvent(EventId, CallId, OccurredAt)
{
    public override string DeduplicationKey => ClaimKey;

    /// <summary>A claim of <paramref name="call"/> made now.</summary>
    public static IncomingCallClaimed For(IncomingCall call, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(call);
        var key = KeyOf(call.IncomingCallContext);
        return new IncomingCallClaimed($"{key}:{Guid.NewGuid():N}", new CallId(key), at, key, call.EventId);
    }

    /// <summary>The claim key of an incoming call context: <c>incoming:</c> and 128 bits of its SHA-256, in hex.</summary>
    public static string KeyOf(string incomingCallContext)
    {
        ArgumentNullException.ThrowIfNull(incomingCallContext);
        return "incoming:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(incomingCallContext)).AsSpan(0, 16));
    }
}
