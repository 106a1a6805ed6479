using System.Collections.Concurrent;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// When each live call was last re-read from ACS, so that every call is checked at least once per interval: calls
/// never checked (new, or asked for by <see cref="RequestReconcile"/>) come first, then the longest unchecked.
/// Scheduling state only; the board itself changes through the events the checks produce.
/// </summary>
public sealed class ReconcileSchedule : IReconcileRequests
{
    private readonly ConcurrentDictionary<CallId, DateTimeOffset> _checkedAt = new();

    /// <summary>Makes the call due at the next maintenance tick.</summary>
    public void RequestReconcile(CallId callId) => _checkedAt.TryRemove(callId, out _);

    public void Checked(CallId callId, DateTimeOffset at) => _checkedAt[callId] = at;

    /// <summary>Live ACS calls due for a check, most overdue first; forgets calls that left the board.</summary>
    public IReadOnlyList<CallId> Due(CallsSnapshot snapshot, TimeSpan interval, DateTimeOffset now)
    {
        foreach (var callId in _checkedAt.Keys.Where(id => snapshot.Find(id) is not { IsLive: true }))
        {
            _checkedAt.TryRemove(callId, out _);
        }
        return snapshot.Calls.Values
            .Where(c => c.IsLive && c.Platform == CallPlatform.Acs)
            .Select(c => (c.CallId, At: _checkedAt.TryGetValue(c.CallId, out var at) ? at : DateTimeOffset.MinValue))
            .Where(c => c.At + interval <= now || c.At == DateTimeOffset.MinValue)
            .OrderBy(c => c.At)
            .Select(c => c.CallId)
            .ToList();
    }
}
