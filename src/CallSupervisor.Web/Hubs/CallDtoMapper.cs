using CallSupervisor.Contracts;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Hubs;

internal static class CallDtoMapper
{
    /// <summary>The snapshot in parts of at most <paramref name="partSize"/> calls, live calls first (at least one part).</summary>
    public static IEnumerable<CallsSnapshotDto> ToDtoParts(
        this CallsSnapshot snapshot, long version, int partSize, ContactCenterDirectory? directory = null, DateTimeOffset? now = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        directory ??= ContactCenterDirectory.Empty;
        var counts = snapshot.Counts.ToDto();
        // Every part carries all the agents (a few dozen): a client has them with the first part.
        var agents = snapshot.AgentDtos(directory, now ?? DateTimeOffset.UtcNow);
        var ordered = snapshot.Calls.Values
            .OrderBy(c => c.State == CallState.Disconnected)
            .ThenBy(c => c.StartedAt)
            .ToList();
        var parts = Math.Max(1, (ordered.Count + partSize - 1) / partSize);
        for (var part = 0; part < parts; part++)
        {
            // Mapped part by part, so the first goes out before the last is built.
            yield return new CallsSnapshotDto(version, counts, [.. ordered.Skip(part * partSize).Take(partSize).Select(c => c.ToDto(directory))], part + 1, parts)
            {
                Agents = agents,
            };
        }
    }

    /// <summary>
    /// One batch as a <c>changed</c> message: the calls it names (an agents change names no call), the ones gone, and
    /// every agent when any changed (else null: unchanged).
    /// </summary>
    public static CallsChangedDto ToChangedDto(this FeedBatch<CallsSnapshot, CallChange> batch, ContactCenterDirectory directory, DateTimeOffset now)
    {
        var changedIds = batch.Changes.Where(c => c.IsCall).Select(c => c.CallId).Distinct().ToList();
        var changed = changedIds.Select(id => batch.State.Find(id)).OfType<Call>().Select(c => c.ToDto(directory)).ToList();
        var removed = changedIds.Where(id => batch.State.Find(id) is null).Select(id => id.Value).ToList();
        return new CallsChangedDto(batch.Version, batch.State.Counts.ToDto(), changed, removed)
        {
            Agents = batch.Changes.Any(c => c.IsAgents) ? batch.State.AgentDtos(directory, now) : null,
        };
    }

    /// <summary>Every agent of the directory (and any the log knows beyond it), as the Agents page lists them.</summary>
    public static IReadOnlyList<AgentDto> AgentDtos(this CallsSnapshot snapshot, ContactCenterDirectory directory, DateTimeOffset now) =>
        [.. AgentRow.All(directory, snapshot, now).Select(a => new AgentDto(
            a.AgentId, a.Name, a.State.ToString(), a.Since, a.CallId?.Value, a.OfferedCallId?.Value, [.. a.Queues],
            a.HandledToday, a.MissedToday, a.MissedInARow, a.Reason))];

    public static CallDto ToDto(this Call call, ContactCenterDirectory? directory = null) => new(
        call.CallId.Value,
        call.Platform.ToString(),
        call.State.ToString(),
        call.Caller?.ToDto(),
        call.Callee?.ToDto(),
        call.StartedAt,
        call.EndedAt,
        call.NeedsReconcile,
        [.. call.Participants.Values.OrderBy(p => p.JoinedAt).Select(p =>
            new ParticipantDto(p.Identifier.ToDto(), p.IsMuted, p.IsOnHold, p.JoinedAt)
            {
                OnHoldSince = p.OnHoldSince,
                Actions = Available(call, ActionScope.Participant, p.RawId),
            })],
        [.. call.Invitations.Values.OrderBy(i => i.RequestedAt).Select(i =>
            new InvitationDto(i.InvitationId.Value, i.Target.ToDto(), i.Status.ToString(), i.RequestedAt, i.ExpiresAt, i.CancelLostRace, i.LastResult?.ToString(), i.NoOutcomeFromAcs)
            {
                Actions = Available(call, ActionScope.Invitation, i.InvitationId.Value),
            })],
        [.. call.MediaOperations.Values.OrderBy(m => m.StartedAt).Select(m =>
            new MediaOperationDto(m.Id.Value, m.Kind.ToString(), m.Description, m.Status.ToString(), m.StartedAt, m.EndedAt, m.LastResult?.ToString()))])
    {
        PendingActions = [.. call.PendingActions.Values.OrderBy(p => p.Request.RequestedAt).Select(p =>
            new PendingActionDto(p.Kind.ToString(), p.Target, p.Request.Supervisor, p.Request.RequestedAt))],
        Actions = [.. Available(call, ActionScope.Call, ""), .. Available(call, ActionScope.Media, ""), .. Available(call, ActionScope.Recording, "")],
        Recording = call.Recording is { } recording ? new RecordingDto(recording.Id, recording.Status.ToString(), recording.Since) : null,
        Supervisors = [.. call.Supervisors.OrderBy(s => s.Value.Since).Select(s =>
            new SupervisorDto(s.Key, s.Value.Supervisor, s.Value.Mode.ToString(), s.Value.Since))],
        TransferredTo = call.TransferredTo?.ToDto(),
        QueueId = call.QueueId,
        QueueName = call.QueueId is { } queue ? directory?.Queue(queue)?.Name ?? queue : null,
        QueuedAt = call.QueuedAt,
        Offer = call.Offer is { } offer
            ? new OfferDto(offer.AgentId, offer.AgentName, offer.PlannedAt,
                offer.InvitationId is { } id && call.Invitations.TryGetValue(id, out var invitation) ? invitation.RequestedAt : null)
            : null,
        AgentId = call.AgentId,
        AgentName = call.AgentId is { } agent
            ? directory?.Agent(agent)?.Name ?? (call.AgentIdentity is { } identity ? ParticipantNames.Display(call, identity) : agent)
            : null,
        AnsweredAt = call.AnsweredAt,
        AgentLeftAt = call.AgentLeftAt,
    };

    // Only live calls offer anything; the names are the kinds' names, as the hub's Execute takes them.
    private static IReadOnlyList<string> Available(Call call, ActionScope scope, string target) =>
        call.IsLive ? [.. SupervisorActions.AvailableOn(call, scope, target).Select(a => a.Kind.ToString())] : [];

    public static CallCountsDto ToDto(this CallCounts c) => new(c.LiveCalls, c.Participants, c.PendingInvitations, c.RunningMedia) { CallsWaiting = c.CallsWaiting };

    public static IdentifierDto ToDto(this CommunicationIdentifier id) => new(id.Kind.ToString(), id.RawId, id.Value);

    public static CommandResultDto ToDto(this ActionReceipt outcome) =>
        new(outcome.Status.ToString(), outcome.Message, outcome.Error?.Code, outcome.Error?.Message, outcome.OperationContext);
}
