using System.Collections.Immutable;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>A call's life: connected, ended, and reconciled from GET call / list participants.</summary>
internal static class LifecycleRules
{
    /// <summary>
    /// Creates the call, or fills in a placeholder created by an earlier event without losing what that event
    /// taught (roster, invitations, media). CallConnected carries the call's details, so it clears NeedsReconcile;
    /// the roster follows in ParticipantsUpdated as usual.
    /// </summary>
    public static Fold Connect(Call? call, CallConnected e)
    {
        var text = $"Call connected ({e.Platform}): {Describe.Who(e.Caller)} → {Describe.Who(e.Callee)}";
        if (call is null)
        {
            var created = Call.Placeholder(e.CallId, e.OccurredAt) with
            {
                Platform = e.Platform,
                ServerCallId = e.ServerCallId,
                CorrelationId = e.CorrelationId,
                State = CallState.Connected,
                Caller = e.Caller,
                Callee = e.Callee,
                NeedsReconcile = false,
            };
            return Fold.Applied(created, Log.Info(e.CallId, e.OccurredAt, text));
        }
        var filled = call with
        {
            Platform = e.Platform,
            ServerCallId = e.ServerCallId ?? call.ServerCallId,
            CorrelationId = e.CorrelationId ?? call.CorrelationId,
            // A call already transferring or hanging up does not go back to Connected because of a late event.
            State = call.State is CallState.Unknown or CallState.Connecting ? CallState.Connected : call.State,
            Caller = e.Caller ?? call.Caller,
            Callee = e.Callee ?? call.Callee,
            StartedAt = e.OccurredAt < call.StartedAt ? e.OccurredAt : call.StartedAt,
            NeedsReconcile = false,
        };
        return Fold.Applied(filled, Log.Info(e.CallId, e.OccurredAt, text));
    }

    public static Fold Disconnect(Call? call, CallDisconnected e)
    {
        var (closed, summary) = Close(call ?? Call.Placeholder(e.CallId, e.OccurredAt), e.OccurredAt, e.Result);
        var result = e.Result is null ? "" : $" ({Describe.Result(e.Result)})";
        return Fold.Applied(closed, Log.Info(e.CallId, e.OccurredAt, $"Call ended{result}{summary}"));
    }

    /// <summary>
    /// Ends everything of the call. Open invitations become Cancelled: nobody can be added to a call that no
    /// longer exists, and ACS sends no outcome for them after the call is gone (a dedicated status would add a
    /// case to every switch for no difference the supervisor can act on). Active media becomes Cancelled; pending
    /// mutes are dropped since no roster will confirm them.
    /// </summary>
    public static (Call Call, string Summary) Close(Call call, DateTimeOffset at, ResultInfo? result)
    {
        var invitations = call.Invitations;
        var openInvitations = 0;
        foreach (var invitation in call.Invitations.Values.Where(i => i.IsOpen))
        {
            invitations = invitations.SetItem(invitation.InvitationId, invitation with { Status = InvitationStatus.Cancelled, EndedAt = at });
            openInvitations++;
        }
        var media = call.MediaOperations;
        var activeMedia = 0;
        foreach (var operation in call.MediaOperations.Values.Where(m => m.IsActive))
        {
            media = media.SetItem(operation.Id, operation with { Status = MediaStatus.Cancelled, EndedAt = at });
            activeMedia++;
        }
        var participants = call.Participants;
        foreach (var participant in call.Participants.Values.Where(p => p.IsMutePending))
        {
            participants = participants.SetItem(participant.RawId, participant with { PendingMute = null });
        }
        var closed = call with
        {
            State = CallState.Disconnected,
            EndedAt = at,
            EndResult = result,
            Invitations = invitations,
            MediaOperations = media,
            Participants = participants,
            NeedsReconcile = false,
            UnmatchedAddResults = ImmutableDictionary<string, EarlyAddResult>.Empty,
        };
        var parts = new List<string>();
        if (openInvitations > 0)
        {
            parts.Add($"{openInvitations} open invitation(s) closed");
        }
        if (activeMedia > 0)
        {
            parts.Add($"{activeMedia} media operation(s) cancelled");
        }
        return (closed, parts.Count > 0 ? "; " + string.Join(", ", parts) : "");
    }

    /// <summary>
    /// Fills the call from GET call and list participants. The fetched roster has no sequence number, so it
    /// cannot be ordered against ParticipantsUpdated: it is used only while no ParticipantsUpdated has been
    /// applied, because any such roster was produced after the call existed and is at least as trustworthy.
    /// </summary>
    public static Fold Reconcile(Call? call, CallId callId, CallDetails details, IReadOnlyList<ParticipantState> participants, DateTimeOffset now)
    {
        var current = call ?? Call.Placeholder(callId, now);
        var filled = current with
        {
            ServerCallId = details.ServerCallId ?? current.ServerCallId,
            CorrelationId = details.CorrelationId ?? current.CorrelationId,
            Caller = details.Source ?? current.Caller,
            Callee = details.Targets.Count > 0 ? details.Targets[0] : current.Callee,
            State = details.State == CallState.Unknown ? current.State : details.State,
            NeedsReconcile = false,
        };
        string rosterText;
        if (current.LastRosterSequence is { } sequence)
        {
            rosterText = $"roster kept (ParticipantsUpdated #{sequence} is newer)";
        }
        else
        {
            filled = filled with { Participants = RosterRules.Merge(current.Participants, participants, now).Participants };
            rosterText = $"{participants.Count} participant(s)";
        }
        if (filled.State == CallState.Disconnected)
        {
            var (closed, summary) = Close(filled, now, null);
            return Fold.Applied(closed, Log.Info(callId, now, $"Call reconciled: already ended{summary}"));
        }
        return Fold.Applied(filled, Log.Info(callId, now, $"Call reconciled: {filled.State}, {rosterText}"));
    }
}
