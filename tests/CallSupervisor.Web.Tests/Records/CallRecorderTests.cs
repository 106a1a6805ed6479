using CallSupervisor.Audit.Records;
using CallSupervisor.Board.Records;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.Records;

/// <summary>
/// The recorder on a real store: an ended call is recorded when it ends and again by a recorder started on a store
/// restored from a checkpoint (the store keeps one), a live call is not, and the agent's wrap-up is reported when it ends.
/// </summary>
public sealed class CallRecorderTests : IAsyncLifetime
{
    private readonly TestEvents _events = new();
    private readonly InMemoryCallRecordStore _records = new();
    private readonly List<Microsoft.Extensions.Hosting.IHostedService> _running = [];
    private readonly ProblemLog<CallRecorder> _problems = new();
    private CallRecordWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _writer = new CallRecordWriter(_records, new CallRecordWriterSettings(), TimeProvider.System, NullLogger<CallRecordWriter>.Instance);
        await StartAsync(_writer);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_running))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private async Task<CallRecorder> StartRecorderAsync(CallStore store)
    {
        var recorder = new CallRecorder(store, _writer, _problems);
        await StartAsync(recorder);
        return recorder;
    }

    private async Task StartAsync(Microsoft.Extensions.Hosting.IHostedService service)
    {
        await service.StartAsync(CancellationToken.None);
        _running.Add(service);
    }

    /// <summary>Ana (available) takes call-1 from the sales queue.</summary>
    private void AnsweredCall(CallStore store)
    {
        store.Presence(_events, "ana", AgentPresence.Available);
        store.Queued(_events, TestEvents.Call1, "sales");
        store.Offered(_events, TestEvents.Call1, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        store.Answered(_events, TestEvents.Call1, "offer-1");
    }

    [Fact]
    public async Task Recorder_CallEndsThenTheBoardRestarts_RecordsTheCallOnce()
    {
        var store = StoreTestKit.NewStore();
        await StartRecorderAsync(store);
        AnsweredCall(store);
        store.Queued(_events, TestEvents.Call2, "support");
        store.Apply(_events.Disconnected(TestEvents.Call1));
        // Later changes of the ended call (and of the live one) are no new end.
        store.Apply(_events.Disconnected(TestEvents.Call1));
        store.Presence(_events, "ben", AgentPresence.Away);

        var record = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(_records.Records), r => r.Count == 1, "call-1's record"));
        Assert.Equal((TestEvents.Call1, CallOutcome.Answered, "sales", "ana"), (record.CallId, record.Outcome, record.QueueId, record.AgentId));

        // A restart: a new store from the checkpoint, a new recorder. It writes the ended call again; one is kept.
        var restarted = new CallStore(TimeProvider.System, checkpoint: store.Export());
        await StartRecorderAsync(restarted);
        await Eventually.UntilAsync(() => Task.FromResult(_records.WritesOf(TestEvents.Call1)), n => n == 2, "call-1 written again after the restart");

        Assert.Single(_records.Records);
        Assert.Equal(0, _records.WritesOf(TestEvents.Call2));
    }

    [Fact]
    public async Task Recorder_CallEndedBeforeItWasWritten_IsRecordedAfterTheRestart()
    {
        // The call ends while no recorder runs (the process stopped between the end and the write).
        var store = StoreTestKit.NewStore();
        AnsweredCall(store);
        store.Apply(_events.Disconnected(TestEvents.Call1));

        await StartRecorderAsync(new CallStore(TimeProvider.System, checkpoint: store.Export()));

        var record = Assert.Single(await Eventually.UntilAsync(() => Task.FromResult(_records.Records), r => r.Count == 1, "call-1's record"));
        Assert.Equal(TestEvents.Call1, record.CallId);
    }

    [Fact]
    public async Task Recorder_AgentAvailableAfterWrapUp_ReportsTheWrapUpOfTheCall()
    {
        var store = StoreTestKit.NewStore();
        await StartRecorderAsync(store);
        AnsweredCall(store);
        store.Apply(_events.Disconnected(TestEvents.Call1));
        var wrapUpSince = store.Current.Agents["ana"].WrapUpSince!.Value;
        // Ana is free again 42 s after the call ended.
        store.Apply(new AgentStateChanged(_events.NextId(), wrapUpSince.AddSeconds(42), "ana", AgentPresence.Available, null));
        var availableSince = store.Current.Agents["ana"].StateSince;

        var record = await Eventually.UntilAsync<CallRecord?>(() => Task.FromResult<CallRecord?>(_records.Records.SingleOrDefault()), r => r?.WrapUp is not null, "call-1's wrap-up",
            describe: r => Task.FromResult($"{r} {string.Join(" | ", _problems.Lines)}"));

        Assert.Equal(wrapUpSince.AddSeconds(42), availableSince);
        Assert.Equal(TimeSpan.FromSeconds(42), record!.WrapUp);
    }

    [Fact]
    public async Task Recorder_AgentWrapsUpWhileTheCallGoesOn_TheRecordHasTheWrapUpWhenTheCallEnds()
    {
        var store = StoreTestKit.NewStore();
        var recorder = await StartRecorderAsync(store);
        AnsweredCall(store);
        store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));
        // Ana leaves; the caller stays on the line (to be rescued): her part is over, she wraps up for 30 s.
        store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Caller)));
        var wrapUpSince = store.Current.Agents["ana"].WrapUpSince!.Value;
        store.Apply(new AgentStateChanged(_events.NextId(), wrapUpSince.AddSeconds(30), "ana", AgentPresence.Available, null));
        Assert.True(store.Current.Find(TestEvents.Call1)!.IsLive);
        // The recorder saw the wrap-up end, and the writer is done with it, before the call ends (as in a real call).
        var version = store.Version;
        await Eventually.UntilAsync(() => Task.FromResult(recorder.ComparedVersion >= version && _writer.IsIdle), done => done, "the wrap-up seen and written");

        store.Apply(_events.Disconnected(TestEvents.Call1));

        var record = await Eventually.UntilAsync<CallRecord?>(() => Task.FromResult<CallRecord?>(_records.Records.SingleOrDefault()), r => r is not null, "call-1's record",
            describe: r => Task.FromResult($"{r} {string.Join(" | ", _problems.Lines)}"));
        Assert.Equal(TimeSpan.FromSeconds(30), record!.WrapUp);
    }
}
