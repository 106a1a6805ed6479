using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// Supervisors in a call follow the roster: in the call once it shows them, muted once when it shows them muted
/// (after which an unmuted listener has unmuted their own device and is speaking), gone when it no longer has them
/// or when their invitation ended without them.
/// </summary>
internal static class SupervisionRules
{
    public static (Call Call, IReadOnlyList<ActivityEntry> Activity) Follow(Call call, DateTimeOffset at)
    {
        if (call.Supervisors.IsEmpty)
        {
            return (call, []);
        }
        var supervisors = call.Supervisors;
        var activity = new List<ActivityEntry>();
        foreach (var (rawId, there) in call.Supervisors)
        {
            if (call.Participants.TryGetValue(rawId, out var participant))
            {
                var next = there with { InCall = true, MutedOnce = there.MutedOnce || participant.IsMuted };
                if (there.Mode == MonitorMode.Listening && there.MutedOnce && !participant.IsMuted)
                {
                    next = next with { Mode = MonitorMode.Joined };
                    activity.Add(NewEntry.Info(call.CallId, at, $"{there.Supervisor} unmuted and joined the conversation"));
                }
                if (next != there)
                {
                    supervisors = supervisors.SetItem(rawId, next);
                }
            }
            else if (there.InCall || !Expected(call, rawId))
            {
                supervisors = supervisors.Remove(rawId);
                if (there.InCall)
                {
                    activity.Add(NewEntry.Info(call.CallId, at, $"{there.Supervisor} left the call"));
                }
            }
        }
        return ReferenceEquals(supervisors, call.Supervisors) ? (call, activity) : (call with { Supervisors = supervisors }, activity);
    }

    // Not in the roster yet: still coming while their action is pending or their invitation rings.
    private static bool Expected(Call call, string rawId) =>
        call.PendingActions.Values.Any(p => p.Target == rawId)
        || call.Invitations.Values.Any(i => i.IsOpen && i.Target.RawId == rawId);
}
