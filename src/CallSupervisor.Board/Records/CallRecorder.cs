using CallSupervisor.Audit.Records;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Board.Records;

/// <summary>
/// Writes the call records: one more subscriber of the store, which compares each new snapshot with the one before.
/// A call that is ended now and was live (or not there) before is recorded (<see cref="CallRecord.Of"/>); an agent
/// whose wrap-up is over (the state left WrapUp, or a new wrap-up began) reports that wrap-up's length for the call it
/// followed. At start the ended calls of the first snapshot are written too, so a restart between a call's end and
/// its write loses nothing.
/// </summary>
/// <remarks>
/// Every instance runs a recorder and writes every call it sees end, and a restart writes the ended calls it restores
/// again: that is safe because the store keeps the first record of a call and ignores the rest (insert-or-ignore on
/// the call id, wrap-up set only where none is), and the records are folds of the same ordered event log on every
/// instance, so any of them writes the same row. Electing one writer would lose the calls that end while it fails over.
/// </remarks>
public sealed partial class CallRecorder(ICallsFeed feed, CallRecordWriter writer, ILogger<CallRecorder> logger) : BackgroundService
{
    /// <summary>The version of the store's last batch compared (tests wait on it).</summary>
    public long ComparedVersion { get; private set; }

    // Wrap-ups that ended while their call went on (after a transfer), by call: given to the call's record at its end.
    private readonly Dictionary<CallSupervisor.Core.Identifiers.CallId, TimeSpan> _earlyWrapUps = [];

    // Never disposed: a host may stop its services after disposing them (a failed start), and a source without a timer
    // holds nothing that needs releasing.
    private readonly CancellationTokenSource _stopping = new();
    private FeedSubscription<CallsSnapshot, CallChange>? _subscription;

    /// <summary>
    /// Subscribes here, not in <see cref="ExecuteAsync"/> (which the host runs on the thread pool, later): the recorder
    /// sees the store from the moment it starts, and started before the replica it compares every event the replica
    /// applies after the checkpoint.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // No batch window: the comparison is cheap, and with every change seen a wrap-up is measured to its true end.
        _subscription = feed.Subscribe(_stopping.Token, TimeSpan.Zero);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = _subscription ?? throw new InvalidOperationException("Started without StartAsync.");
        var previous = subscription.Initial;
        var restored = 0;
        foreach (var call in previous.Calls.Values)
        {
            if (!call.IsLive)
            {
                writer.Add(CallRecord.Of(call));
                restored++;
            }
        }
        LogStarted(restored);
        await foreach (var batch in subscription.Changes.ConfigureAwait(false))
        {
            try
            {
                Compare(previous, batch.State, batch.Changes.Where(c => !c.IsAgents).Select(c => c.CallId));
                ComparedVersion = batch.Version;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad comparison must not stop the recorder (nor, as a background service, the host).
                LogFailed(ex, batch.Version);
            }
            previous = batch.State;
        }
    }

    /// <summary>Queues what ended between <paramref name="before"/> and <paramref name="after"/>.</summary>
    internal void Compare(CallsSnapshot before, CallsSnapshot after, IEnumerable<CallId> changed)
    {
        foreach (var callId in changed.Distinct())
        {
            if (after.Find(callId) is { IsLive: false } call && before.Find(callId) is null or { IsLive: true })
            {
                writer.Add(_earlyWrapUps.Remove(callId, out var wrapUp) ? CallRecord.Of(call) with { WrapUp = wrapUp } : CallRecord.Of(call));
            }
        }
        // Agents change with calls and on their own; there are few of them, so all are compared (by reference: the
        // store replaces an agent it changes and keeps the others).
        foreach (var (agentId, agent) in after.Agents)
        {
            // An agent not there before is new to this instance's board (or to the log) within this batch.
            var was = before.Agents.GetValueOrDefault(agentId);
            if (!ReferenceEquals(was, agent) && WrapUpEnded(was, agent, after) is { } ended)
            {
                if (after.Find(ended.CallId) is { IsLive: true })
                {
                    // The agent handed the call over (or left it) and finished wrapping up while it goes on: its record
                    // does not exist yet, so the wrap-up waits here for the call's end. (Lost if this instance restarts
                    // meanwhile; another instance, or the live figures, still has it.)
                    _earlyWrapUps[ended.CallId] = ended.WrapUp;
                }
                else
                {
                    writer.Add(ended);
                }
            }
        }
    }

    /// <summary>The wrap-up that ended between <paramref name="was"/> and <paramref name="now"/>, if one did.</summary>
    /// <remarks>
    /// Only a wrap-up that counts for its call (<see cref="WrapUpOf.QueueId"/> set): a call's wrap-up is its answering
    /// agent's, as the figures count it; an agent it was transferred to counts theirs in their own handle time.
    /// </remarks>
    private static WrapUpEnded? WrapUpEnded(Agent? was, Agent now, CallsSnapshot after) =>
        Ended(was, now, after) is { } ended && (was?.WrapUpOf?.CallId == ended.CallId ? was.WrapUpOf : now.WrapUpOf) is { QueueId: not null }
            ? ended
            : null;

    private static WrapUpEnded? Ended(Agent? was, Agent now, CallsSnapshot after)
    {
        var open = now.State == AgentState.WrapUp ? (now.WrapUpOf?.CallId, now.WrapUpSince) : default;
        if (was is { State: AgentState.WrapUp, WrapUpSince: { } since, WrapUpOf: { } of })
        {
            // Seen wrapping up before, and that wrap-up is no longer the one under way.
            return open == (of.CallId, since) ? null : Ended(of.CallId, since, now.StateSince);
        }
        if (now.WrapUpOf is { } latest && latest.CallId != was?.WrapUpOf?.CallId && open.CallId != latest.CallId
            && after.Find(latest.CallId) is { } call && (call.AgentLeftAt ?? call.EndedAt) is { } began)
        {
            // A whole wrap-up fell between two snapshots (the call ended and the agent was free again in one batch):
            // it began when the agent's part of the call ended.
            return Ended(latest.CallId, began, now.StateSince);
        }
        return null;
    }

    private static WrapUpEnded Ended(CallId callId, DateTimeOffset since, DateTimeOffset until) =>
        new(callId, until > since ? until - since : TimeSpan.Zero);

    // Debug: the start of `dotnet run` stays short (a count worth reading is there in Development logs when needed).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Call recorder started; {Count} ended calls on the board written again (kept once)")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Comparing change batch {Version} for call records failed")]
    private partial void LogFailed(Exception exception, long version);
}
