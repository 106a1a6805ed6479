using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>A call's life: connected, ended, and reconciled from GET call / list participants.</summary>
internal static class LifecycleRules
{
    /// <summary>
    /// Creates the call, or fills in a placeholder created by an earlier event without losing what that event
    /// taught (roster, invitations, media). CallConnected carries the call's details, so it clears NeedsReconcile;
    /// the roster follows in ParticipantsUpdated as usual.
    /// </summary>
    public static Fold Connect(Call? known, CallConnected e)
    {
        // A call first heard of now is a fresh placeholder filled by this event.
        var call = known ?? Call.Placeholder(e.CallId, e.OccurredAt);
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
            Names = Named(call.Names, e.Caller ?? call.Caller, e.CallerName),
        };
        // A second CallConnected for a connected call (the answering instance adding the parties it learnt from the
        // IncomingCall) only fills details: the connection was already told.
        return known is { State: CallState.Connected }
            ? Fold.Applied(filled)
            : Fold.Applied(filled, NewEntry.Info(e.CallId, e.OccurredAt, Connected(filled)));
    }

    /// <summary>Adds a display name the app learnt for someone (nothing when either is unknown).</summary>
    internal static ImmutableDictionary<string, string> Named(ImmutableDictionary<string, string> names, CommunicationIdentifier? who, string? name) =>
        who is null || string.IsNullOrWhiteSpace(name) ? names : names.SetItem(who.RawId, name.Trim());

    private static string Connected(Call call) =>
        $"Call connected ({IdentifierFormat.Platform(call.Platform)}): {Describe.Who(call, call.Caller)} called {Describe.Who(call, call.Callee)}";

    /// <summary>A call this app has just answered: on the board as Connecting until CallConnected.</summary>
    public static Fold Answered(CallAnswered e)
    {
        var call = Call.Placeholder(e.CallId, e.OccurredAt) with
        {
            ServerCallId = e.ServerCallId,
            CorrelationId = e.CorrelationId,
            State = CallState.Connecting,
            Caller = e.Caller,
            Callee = e.Callee,
            NeedsReconcile = false,
            Names = Named(ImmutableDictionary<string, string>.Empty, e.Caller, e.CallerName),
            Routed = true,
        };
        return Fold.Applied(call, NewEntry.Info(e.CallId, e.OccurredAt, $"Call answered: {Describe.Who(call, e.Caller)} called {Describe.Who(call, e.Callee)}"));
    }

    public static Fold Disconnect(Call? call, CallDisconnected e)
    {
        var (closed, summary) = Close(call ?? Call.Placeholder(e.CallId, e.OccurredAt), e.OccurredAt, e.Result);
        var result = e.Result is null ? "" : $" ({Describe.Result(e.Result)})";
        return Fold.Applied(closed, NewEntry.Info(e.CallId, e.OccurredAt, $"Call ended{result}{summary}"));
    }

    /// <summary>
    /// Ends everything of the call. Open invitations become Cancelled: nobody can be added to a call that no
    /// longer exists, and ACS sends no outcome for them after the call is gone (a dedicated status would add a
    /// case to every switch for no difference the supervisor can act on). Active media becomes Cancelled; pending
    /// supervisor actions end (nothing can confirm them any more).
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
        var closed = ActionRules.EndAll(call, at) with
        {
            State = CallState.Disconnected,
            EndedAt = at,
            EndResult = result,
            Invitations = invitations,
            MediaOperations = media,
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
    /// Corrects the call from what ACS returned when it was re-read. The fetched roster has no sequence number: it
    /// replaces the board's roster only if no ParticipantsUpdated was applied after the read started (the call's
    /// roster sequence is still the one observed then); otherwise the newer callback wins. Invitees the read shows
    /// in the call settle their invitations; a call ACS reports as ended is closed. A read that changes nothing
    /// is ignored, so the periodic re-check adds no activity while the board is right.
    /// </summary>
    public static Fold Reconcile(Call call, CallReconciled e)
    {
        var details = e.Details;
        var now = e.OccurredAt;
        var service = call.Platform == CallPlatform.Graph ? "Graph" : "ACS";
        var corrections = new List<string>();
        var state = details.State == CallState.Unknown ? call.State : details.State;
        if (state != call.State && call.State != CallState.Unknown)
        {
            corrections.Add($"state {call.State} → {state}");
        }
        var filled = call with
        {
            ServerCallId = call.ServerCallId ?? details.ServerCallId,
            CorrelationId = call.CorrelationId ?? details.CorrelationId,
            // What the app learnt from the IncomingCall is kept; a placeholder gets ACS's view.
            Caller = call.Caller ?? details.Source,
            Callee = call.Callee ?? (details.Targets.Count > 0 ? details.Targets[0] : null),
            State = state,
            NeedsReconcile = false,
        };
        filled = RosterRules.WithNames(filled, e.Participants);
        if (call.LastRosterSequence == e.ObservedRosterSequence)
        {
            var (participants, changes) = RosterRules.Merge(call, e.Participants, now);
            corrections.AddRange(changes);
            filled = filled with { Participants = participants };
        }
        var (settled, joined) = InvitationRules.SettleFromRoster(call, filled, now);
        if (settled.State == CallState.Disconnected)
        {
            var (closed, summary) = Close(settled, now, null);
            return Fold.Applied(closed, NewEntry.Warning(call.CallId, now, $"Call ended ({service} reports it {details.State}){summary}"));
        }
        if (!call.NeedsReconcile && corrections.Count == 0 && joined.Count == 0)
        {
            return Fold.Ignored($"the call matches what {service} reports");
        }
        var entry = call.NeedsReconcile
            ? NewEntry.Info(call.CallId, now, $"Call details from {service}: {settled.State}, {settled.Participants.Count} participant(s)")
            : NewEntry.Warning(call.CallId, now, $"Updated from {service} (no callback reported it): {string.Join("; ", corrections)}");
        return Fold.Applied(settled, [entry, .. joined]);
    }
}
