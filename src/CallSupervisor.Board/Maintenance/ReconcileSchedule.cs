using System.Collections.Concurrent;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Board.Maintenance;

/// <summary>
/// When each live call was last re-read from its service (ACS or Graph), so that every call is checked once per
/// interval: calls never checked (new, or asked for by <see cref="RequestReconcile"/>) come first, then the longest
/// unchecked. Scheduling state only; the board itself changes through the events the checks produce.
/// </summary>
public sealed class ReconcileSchedule : IReconcileRequests
{
    private readonly ConcurrentDictionary<CallId, DateTimeOffset> _checkedAt = new();

    /// <summary>Makes the call due at the next maintenance tick.</summary>
    public void RequestReconcile(CallId callId) => _checkedAt.TryRemove(callId, out _);

    /// <summary>Records the start of the pass that read the call: the interval counts from there.</summary>
    public void Checked(CallId callId, DateTimeOffset passStartedAt) => _checkedAt[callId] = passStartedAt;

    /// <summary>
    /// Live calls due for a check, most overdue first; forgets calls that left the board. A call read at pass P is
    /// due at the pass <paramref name="interval"/> later even if that pass's timer fired up to
    /// <paramref name="tolerance"/> earlier than P's did relative to its own schedule — otherwise timer jitter would
    /// push every read a whole maintenance tick late.
    /// </summary>
    public IReadOnlyList<CallId> Due(CallsSnapshot snapshot, TimeSpan interval, DateTimeOffset now, TimeSpan tolerance = default)
    {
        foreach (var callId in _checkedAt.Keys.Where(id => snapshot.Find(id) is not { IsLive: true }))
        {
            _checkedAt.TryRemove(callId, out _);
        }
        return snapshot.Calls.Values
            .Where(c => c.IsLive)
            .Select(c => (c.CallId, At: _checkedAt.TryGetValue(c.CallId, out var at) ? at : DateTimeOffset.MinValue))
            .Where(c => c.At == DateTimeOffset.MinValue || c.At + interval <= now + tolerance)
            .OrderBy(c => c.At)
            .Select(c => c.CallId)
            .ToList();
    }
}
