using System.Collections.Immutable;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Store.Rules;

namespace CallSupervisor.Core.Store;

public sealed partial class CallStore
{
    /// <summary>
    /// Gives up on supervisor requests that ACS never confirmed (a mute with no ParticipantsUpdated, a cancel with
    /// no CancelAddParticipant*/Canceled event) once they are older than <paramref name="olderThan"/>: the pending
    /// state is cleared so the button works again, and the activity feed says so. Without this a lost callback
    /// would leave a button saying "Muting…" forever. Returns how many requests expired.
    /// </summary>
    public int ExpireUnconfirmedRequests(DateTimeOffset olderThan, DateTimeOffset now) =>
        _feed.Update(snapshot =>
        {
            var next = snapshot;
            var changes = ImmutableArray.CreateBuilder<CallChange>();
            var entries = new List<ActivityEntry>();
            foreach (var call in snapshot.Calls.Values.Where(c => c.IsLive))
            {
                var updated = call;
                foreach (var p in call.Participants.Values.Where(p => p.PendingMute is { } r && r.RequestedAt < olderThan))
                {
                    updated = updated with { Participants = updated.Participants.SetItem(p.RawId, p with { PendingMute = null }) };
                    entries.Add(Log.Warning(call.CallId, now, $"Mute of {Describe.Who(call, p.Identifier)} was not confirmed by ACS; it can be tried again", p.PendingMute!.Supervisor));
                }
                foreach (var i in call.Invitations.Values.Where(i => i.Status == InvitationStatus.Cancelling && i.CancelRequest is { } r && r.RequestedAt < olderThan))
                {
                    updated = updated with { Invitations = updated.Invitations.SetItem(i.InvitationId, i with { Status = InvitationStatus.Pending, CancelRequest = null }) };
                    entries.Add(Log.Warning(call.CallId, now, $"Cancel of the invitation to {Describe.Who(call, i.Target)} was not confirmed by ACS; it can be tried again", i.CancelRequest!.Supervisor));
                }
                foreach (var m in call.MediaOperations.Values.Where(m => m.Status == MediaStatus.Cancelling && m.CancelRequest is { } r && r.RequestedAt < olderThan))
                {
                    updated = updated with { MediaOperations = updated.MediaOperations.SetItem(m.Id, m with { Status = MediaStatus.Running, CancelRequest = null }) };
                    entries.Add(Log.Warning(call.CallId, now, "Cancel of media was not confirmed; it can be tried again", m.CancelRequest!.Supervisor));
                }
                if (!ReferenceEquals(updated, call))
                {
                    next = next.WithCall(updated);
                    changes.Add(new CallChange(call.CallId, CallChangeKind.Updated));
                }
            }
            return (next.WithActivity(entries, _options.MaxActivity), changes.ToImmutable(), entries.Count);
        });
}
