using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>
/// The per-user action limit in the one executor (dashboard and hub alike), on a fake clock: the excess is refused
/// with the wait, nothing is sent for it, and a burst is one audit row with its count.
/// </summary>
public sealed class ActionLimitTests
{
    private static readonly ActionLimits Limits = new(3, TimeSpan.FromSeconds(10));
    private readonly TestEvents _events = new();
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly InMemoryAuditTrail _audit = new();
    private readonly RecordingActionLog _log = new();
    private readonly CallStore _store;
    private readonly ActionExecutor _executor;

    public ActionLimitTests()
    {
        _store = StoreTestKit.NewStore(_time).WithConnectedCall(_events);
        _executor = new ActionExecutor(_store, new StoreApplier(_store), new ActionPorts(_acs, new FakeGraphCallsPort()), _time, _audit, limits: Limits, log: _log);
    }

    private static ActionRequest ForgedMute(string user = "olivia") =>
        ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As(user, SupervisorRoles.Observer));

    private static ActionRequest Mute(string user) => ActionRequest.Mute(TestEvents.Call1, TestEvents.Agent.RawId, StoreTestKit.As(user));

    [Fact]
    public async Task Execute_PastTheLimitInAWindow_RefusedWithTheWaitAndNothingSent()
    {
        for (var i = 0; i < Limits.PerUser; i++)
        {
            Assert.Equal(ReceiptStatus.Forbidden, (await _executor.ExecuteAsync(ForgedMute(), CancellationToken.None)).Status);
        }
        _time.Advance(TimeSpan.FromSeconds(4));

        var refused = await _executor.ExecuteAsync(ForgedMute(), CancellationToken.None);

        Assert.Equal(ActionReceipt.Refused("Too many actions: try again in 6 s"), refused);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task Execute_TwoThousandForgedCalls_AuditedAsTheAllowedRowsAndOneRowWithTheCount()
    {
        for (var i = 0; i < 2_000; i++)
        {
            await _executor.ExecuteAsync(ForgedMute(), CancellationToken.None);
        }
        Assert.Equal(Limits.PerUser, _audit.Entries.Length);

        _time.Advance(Limits.Window);

        Assert.Equal(Limits.PerUser + 1, _audit.Entries.Length);
        var burst = _audit.Entries[^1];
        Assert.Equal(AuditStatus.Refused, burst.Status);
        Assert.Equal("Refused 1,997 actions (rate limit)", burst.Record.Detail);
        Assert.Equal(("oid-olivia", "olivia", "Observer", ActionKind.Mute, "call-1"),
            (burst.Record.ActorId, burst.Record.ActorName, burst.Record.ActorRole, burst.Record.Action, burst.Record.CallId));
        Assert.Equal([("oid-olivia", 1_997)], _log.Bursts);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task Execute_AfterTheWindow_IsPermittedAgain()
    {
        for (var i = 0; i <= Limits.PerUser; i++)
        {
            await _executor.ExecuteAsync(ForgedMute(), CancellationToken.None);
        }
        _time.Advance(Limits.Window);

        var outcome = await _executor.ExecuteAsync(Mute("olivia"), CancellationToken.None);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
        Assert.Single(_acs.Requests);
    }

    [Fact]
    public async Task Execute_OneUserOverTheLimit_AnotherUserIsNotRefused()
    {
        for (var i = 0; i <= Limits.PerUser; i++)
        {
            await _executor.ExecuteAsync(ForgedMute(), CancellationToken.None);
        }

        var outcome = await _executor.ExecuteAsync(Mute("alice"), CancellationToken.None);

        Assert.Equal(ReceiptStatus.Accepted, outcome.Status);
    }
}
