using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Routing;

/// <summary>
/// The routing rules, as one pure function of the board, the directory and the time. Callers are served by queue
/// priority, then by the time they first queued (a caller back from a missed offer is first in line again); each
/// goes to the longest-idle available agent of their queue — never to one who is offered a call, on a call, wrapping
/// up, away or offline — and each agent gets at most one offer, each call at most one, per decision.
/// </summary>
public static class Router
{
    public static IReadOnlyList<RoutingDecision> Decide(CallsSnapshot board, ContactCenterDirectory directory, RoutingOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        var decisions = new List<RoutingDecision>();
        var free = new Dictionary<string, Agent>(StringComparer.Ordinal);
        foreach (var profile in directory.Agents)
        {
            if (!board.Agents.TryGetValue(profile.Id, out var agent))
            {
                decisions.Add(new SetPresence(profile.Id, options.InitialPresence, "Signed in"));
                continue;
            }
            if (agent.State == AgentState.WrapUp && agent.WrapUpSince + options.WrapUp <= now)
            {
                decisions.Add(new SetPresence(profile.Id, agent.Presence, "Wrap-up over"));
            }
            else if (agent.CanTakeOffer && options.MissedOffersToAway > 0 && agent.MissedInARow >= options.MissedOffersToAway)
            {
                decisions.Add(new SetPresence(profile.Id, AgentPresence.Away, $"Missed {agent.MissedInARow} offers in a row"));
            }
            else if (agent.CanTakeOffer)
            {
                free[profile.Id] = agent;
            }
        }

        // Someone who took a call without being in the directory (a supervisor): their wrap-up ends like anyone's.
        foreach (var agent in board.Agents.Values)
        {
            if (directory.Agent(agent.AgentId) is null && agent.State == AgentState.WrapUp && agent.WrapUpSince + options.WrapUp <= now)
            {
                decisions.Add(new SetPresence(agent.AgentId, agent.Presence, "Wrap-up over"));
            }
        }

        // One pass over the board (a decision's cost grows with every call on it, ended ones included).
        var queued = new List<(Call Call, QueueProfile? Queue)>();
        foreach (var call in board.Calls.Values)
        {
            if (call.IsQueued && call.Platform == CallPlatform.Acs)
            {
                queued.Add((call, directory.Queue(call.QueueId)));
            }
            if (call is not { IsLive: true, Platform: CallPlatform.Acs, State: CallState.Connected })
            {
                continue;
            }
            if (call.QueueId is null && call.AgentId is null && QueueFor(call, directory, options, now) is { } queueId)
            {
                decisions.Add(new QueueCaller(call.CallId, queueId));
            }
            foreach (var (rawId, there) in call.Supervisors)
            {
                if (there is { Mode: MonitorMode.Listening, InCall: true, MutedOnce: false }
                    && call.Participants.TryGetValue(rawId, out var listener) && listener.Identifier.CanBeMuted && !listener.IsMuted)
                {
                    decisions.Add(new MuteListener(call.CallId, listener.Identifier));
                }
            }
            if (call.AgentId is not null && call.AgentLeftAt is null
                && call.MediaOperations.Values.Any(m => m.IsActive && m.Kind is MediaKind.Play or MediaKind.Recognize))
            {
                decisions.Add(new StopMedia(call.CallId));
            }
        }

        // Each queue's free agents, longest idle first, built once per decision: a call takes the first one still free.
        var byQueue = new Dictionary<string, Queue<AgentProfile>>(StringComparer.Ordinal);
        AgentProfile? Longest(string queueId)
        {
            if (!byQueue.TryGetValue(queueId, out var line))
            {
                line = new Queue<AgentProfile>(directory.Agents
                    .Where(a => free.ContainsKey(a.Id) && a.Queues.Contains(queueId))
                    .OrderBy(a => free[a.Id].IdleSince ?? free[a.Id].PresenceSince)
                    .ThenBy(a => a.Id, StringComparer.Ordinal));
                byQueue[queueId] = line;
            }
            while (line.TryDequeue(out var next))
            {
                if (free.ContainsKey(next.Id))
                {
                    return next;
                }
            }
            return null;
        }

        var waiting = queued
            .OrderByDescending(w => w.Queue?.Priority ?? 0)
            .ThenBy(w => w.Call.QueuedAt)
            .ThenBy(w => w.Call.CallId.Value, StringComparer.Ordinal);
        foreach (var (call, queue) in waiting)
        {
            if (call.Offer is { } offer)
            {
                if (offer.InvitationId is null && offer.PlannedAt + options.ResendAfter <= now)
                {
                    decisions.Add(new ResendOffer(call.CallId, offer));
                }
                continue;
            }
            if (queue is { MaxWait: { } limit, OverflowQueue: { } overflow } && call.QueuedAt + limit <= now
                && directory.Queue(overflow) is not null && overflow != queue.Id)
            {
                decisions.Add(new Overflow(call.CallId, queue.Id, overflow));
                continue;
            }
            var queueId = queue?.Id ?? call.QueueId!;
            if (Longest(queueId) is { } chosen)
            {
                free.Remove(chosen.Id);
                decisions.Add(new OfferCall(call.CallId, chosen, queueId));
            }
        }
        return decisions;
    }

    // The menu's choice once the menu completed (the default queue for no key or an unknown one); the default queue
    // when the menu failed, was cancelled, or nothing is running after the grace time; else not yet.
    private static string? QueueFor(Call call, ContactCenterDirectory directory, RoutingOptions options, DateTimeOffset now)
    {
        var menus = call.MediaOperations.Values.Where(m => m.Kind == MediaKind.Recognize).ToList();
        if (menus.FirstOrDefault(m => m.Status == MediaStatus.Completed) is { } done)
        {
            return directory.QueueForKeys(done.Tones)?.Id;
        }
        if (menus.Any(m => m.IsActive))
        {
            return null;
        }
        return menus.Count > 0 || call.StartedAt + options.MenuGrace <= now ? directory.DefaultQueue?.Id : null;
    }
}
