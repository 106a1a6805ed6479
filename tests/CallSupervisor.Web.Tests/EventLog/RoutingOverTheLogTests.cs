using CallSupervisor.Board.Replication;
using CallSupervisor.Board.Routing;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// The router over the real event log: a restart between the offer's plan and ACS's answer loses no caller and
/// offers the call to nobody else — the plan is sent again, with the headers that make ACS carry it out once.
/// </summary>
public sealed class RoutingOverTheLogTests : IAsyncLifetime
{
    private static readonly CallId Call1 = new("call-1");
    private static readonly CommunicationIdentifier Ana = CommunicationIdentifier.AcsUser("8:acs:agent-ana");
    private static readonly CommunicationIdentifier Ben = CommunicationIdentifier.AcsUser("8:acs:agent-ben");
    private static readonly ContactCenterDirectory Directory = new(
        [new QueueProfile("sales", "Sales", "1")],
        [new AgentProfile("ana", "Ana Lima", Ana, ["sales"]), new AgentProfile("ben", "Ben Okafor", Ben, ["sales"])]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callsupervisor-routing-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();

    public Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restart_OfferPlannedButNotConfirmed_SentAgainOnceWithTheSameHeaders_NobodyElseOffered()
    {
        var plannedAt = _time.GetUtcNow();
        await using (var first = await EventLogHarness.StartAsync(_folder, _acs, _time, workflow: false))
        {
            await first.Pipeline.AcceptAsync(
            [
                new AgentStateChanged("a1", plannedAt, "ana", AgentPresence.Available, "signed in"),
                new AgentStateChanged("a2", plannedAt, "ben", AgentPresence.Available, "signed in"),
                new CallConnected("c1", Call1, plannedAt, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null),
                new CallQueued("q1", Call1, plannedAt, "sales"),
                // The router planned the offer, then the instance went down before ACS answered.
                new OfferPlanned("p1", Call1, plannedAt, "ana", Ana, "offer:crash") { AgentName = "Ana Lima" },
            ], CancellationToken.None);
            await first.WaitForAsync(s => s.Find(Call1)?.Offer is not null, "the planned offer");
        }

        await using var second = await EventLogHarness.StartAsync(_folder, _acs, _time, workflow: false);
        await second.WaitForAsync(s => s.Find(Call1)?.Offer is not null && s.Agents.Count == 2, "the plan restored");
        var router = new RoutingService(second.Store, Options(), new SingleInstanceLeadership(), _acs, second.Pipeline, second.Pipeline, _time, NullLogger<RoutingService>.Instance);

        await router.RouteOnceAsync(CancellationToken.None);
        Assert.Empty(_acs.Requests);
        _time.Advance(TimeSpan.FromSeconds(16));
        await router.RouteOnceAsync(CancellationToken.None);

        var board = await second.WaitForAsync(s => s.Find(Call1)?.Offer?.InvitationId is not null, "the offer ringing");
        var add = Assert.Single(_acs.Requests, r => r.StartsWith("add ", StringComparison.Ordinal));
        Assert.Contains("offer:crash", add, StringComparison.Ordinal);
        Assert.Equal(Repeatability.For("offer:crash", plannedAt), Assert.Single(_acs.AddRepeatability));
        Assert.Equal((AgentState.Offered, AgentState.Available), (board.Agents["ana"].State, board.Agents["ben"].State));
        await router.RouteOnceAsync(CancellationToken.None);
        Assert.Single(_acs.Requests, r => r.StartsWith("add ", StringComparison.Ordinal));
    }

    private static WorkflowOptions Options() =>
        new(true, Directory, new Uri("https://media.example.com/hold.wav"), new Uri("https://media.example.com/menu.wav"), TimeSpan.FromSeconds(20));
}
