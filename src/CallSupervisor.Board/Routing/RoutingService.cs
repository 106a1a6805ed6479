using System.Collections.Concurrent;
using CallSupervisor.Board.Replication;
using CallSupervisor.Board.Workflow;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Board.Routing;

/// <summary>
/// Carries out the router's decisions (<see cref="Router.Decide"/>) on the leading instance only, so each call is
/// routed once however many instances run: after every change of the board, and every second for the clock's sake
/// (wrap-up ends, wait limits pass). Decisions become events in the log first — an offer is planned in the log
/// before ACS is asked — so every instance sees them and a restart carries on from them. A decision already carried
/// out is not repeated while its event is on its way (<see cref="Quiet"/>).
/// </summary>
public sealed partial class RoutingService(
    ICallsFeed board,
    WorkflowOptions options,
    ILeadership leadership,
    ICallAutomationPort acs,
    ICallEventSink sink,
    IEventApplier applier,
    TimeProvider time,
    ILogger<RoutingService> logger) : BackgroundService
{
    /// <summary>How long a decision carried out is not taken again (its event applied, or ACS answered, by then).</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    /// <summary>How often at most the router decides because the board changed (it also decides every second).</summary>
    internal static readonly TimeSpan DecideEvery = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0);
    private BackgroundWork? _background;

    private BackgroundWork Work => _background ??= new BackgroundWork(ex => LogFailed(ex));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        _ = WatchAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                while (_changed.CurrentCount > 0)
                {
                    await _changed.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                if (leadership.IsLeader)
                {
                    await RouteOnceAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A failed round is retried on the next change or tick, never fatal to the host.
                LogFailed(ex);
            }
        }
    }

    /// <summary>One round: decide on the board as it is now and carry out what is new.</summary>
    internal async Task RouteOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (key, at) in _issued)
        {
            if (at + Quiet < now)
            {
                _issued.TryRemove(key, out _);
            }
        }
        foreach (var decision in Router.Decide(board.Current, options.Directory, options.Routing, now))
        {
            if (!_issued.TryAdd(Key(decision), now))
            {
                continue;
            }
            await CarryOutAsync(decision, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Changes batched over a fifth of a second: a decision walks the whole board (about 1 ms at 1,000 queued
            // callers and 500 agents, docs/performance.md), so deciding per change would keep a core busy under load.
            await foreach (var _ in board.Subscribe(stoppingToken, DecideEvery).Changes.WithCancellation(stoppingToken).ConfigureAwait(false))
            {
                _changed.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private static string Key(RoutingDecision decision) => decision switch
    {
        OfferCall o => $"offer:{o.CallId}",
        ResendOffer r => $"resend:{r.Offer.OperationContext}",
        SetPresence p => $"presence:{p.AgentId}:{p.Presence}:{p.Reason}",
        QueueCaller q => $"queue:{q.CallId}",
        Overflow f => $"overflow:{f.CallId}:{f.ToQueue}",
        StopMedia s => $"stop:{s.CallId}",
        MuteListener m => $"mute-listener:{m.CallId}:{m.Endpoint.RawId}",
        _ => decision.ToString(),
    };

    private async Task CarryOutAsync(RoutingDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case SetPresence p:
                sink.Publish(new AgentStateChanged($"local:agent:{Guid.NewGuid():N}", now, p.AgentId, p.Presence, p.Reason) { By = "Routing" });
                break;
            case QueueCaller q:
                sink.Publish(new CallQueued($"local:queued:{q.CallId}:{q.QueueId}", q.CallId, now, q.QueueId));
                break;
            case Overflow f:
                sink.Publish(new CallQueued($"local:overflow:{f.CallId}:{f.ToQueue}", f.CallId, now, f.ToQueue) { Overflowed = true });
                break;
            case StopMedia s:
                Work.Run(async () =>
                {
                    var stopped = await acs.CancelAllMediaOperationsAsync(s.CallId, cancellationToken).ConfigureAwait(false);
                    if (!stopped.IsSuccess)
                    {
                        LogStopFailed(s.CallId, CallSupervisor.Core.Diagnostics.PhoneMask.InText(stopped.Error!.ToString()));
                    }
                });
                break;
            case OfferCall o:
                await PlanAsync(o, now, cancellationToken).ConfigureAwait(false);
                break;
            case MuteListener m:
                // The listener's endpoint joined unmuted: muted on the server, as listening promised.
                Work.Run(async () =>
                {
                    var muted = await acs.MuteAsync(m.CallId, m.Endpoint, "supervisor-listen-mute:" + Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
                    if (!muted.IsSuccess)
                    {
                        LogListenerMuteFailed(m.CallId, CallSupervisor.Core.Diagnostics.PhoneMask.InText(muted.Error!.ToString()));
                    }
                });
                break;
            case ResendOffer r:
                LogResend(r.CallId, r.Offer.AgentId);
                Work.Run(() => SendAsync(r.CallId, r.Offer, cancellationToken));
                break;
        }
    }

    // The plan goes into the log and is applied here before ACS is asked: from then on every instance sees the agent
    // as offered, and a crash before the request leaves a plan that the next leader sends (once, by its headers).
    private async Task PlanAsync(OfferCall decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = "offer:" + Guid.NewGuid().ToString("N");
        var planned = new OfferPlanned($"local:{context}", decision.CallId, now, decision.Agent.Id, decision.Agent.Identity, context) { AgentName = decision.Agent.Name };
        var (outcome, call) = await applier.ApplyAsync(planned, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsApplied || call?.Offer is not { } offer || offer.OperationContext != context)
        {
            LogNotPlanned(decision.CallId, decision.Agent.Id, PhoneMask.InText(outcome.ToString()));
            return;
        }
        LogOffered(decision.CallId, decision.Agent.Id, decision.QueueId);
        Work.Run(() => SendAsync(decision.CallId, offer, cancellationToken));
    }

    private async Task SendAsync(CallId callId, Offer offer, CancellationToken cancellationToken)
    {
        var timeout = options.Routing.Offer;
        var result = await acs.AddParticipantAsync(callId, offer.Agent, offer.OperationContext, timeout,
            Repeatability.For(offer.OperationContext, offer.PlannedAt), cancellationToken).ConfigureAwait(false);
        var at = time.GetUtcNow();
        if (result.IsSuccess && result.Value is { } invitationId)
        {
            sink.Publish(new InvitationRequested($"local:{offer.OperationContext}:invited", callId, at, invitationId, offer.Agent, offer.OperationContext, timeout)
            {
                TargetName = offer.AgentName,
            });
            return;
        }
        LogOfferFailed(callId, offer.AgentId, CallSupervisor.Core.Diagnostics.PhoneMask.InText(result.Error?.ToString() ?? "no invitation id"));
        sink.Publish(new OfferFailed($"local:{offer.OperationContext}:failed", callId, at, offer.OperationContext, result.Error?.Message ?? "ACS gave no invitation id"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} offered to agent {AgentId} (queue {QueueId})")]
    private partial void LogOffered(CallId callId, string agentId, string queueId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offer of call {CallId} to agent {AgentId} not planned: {Outcome}")]
    private partial void LogNotPlanned(CallId callId, string agentId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer of call {CallId} to agent {AgentId} failed: {Error}")]
    private partial void LogOfferFailed(CallId callId, string agentId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer of call {CallId} to agent {AgentId} sent again (not confirmed by ACS yet)")]
    private partial void LogResend(CallId callId, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping the hold music of call {CallId} failed: {Error}")]
    private partial void LogStopFailed(CallId callId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Muting the supervisor listening in on call {CallId} failed: {Error}")]
    private partial void LogListenerMuteFailed(CallId callId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A routing round failed")]
    private partial void LogFailed(Exception exception);
}
