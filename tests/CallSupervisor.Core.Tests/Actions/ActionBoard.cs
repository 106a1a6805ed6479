using System.Collections.Immutable;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>
/// A board for the actions that step into calls: one ACS call (caller + agent Ana), a contact center with Ana, Ben
/// and Eli in the sales queue, supervisor Sam (an ACS user) and Pat (a phone), and the one executor over the real
/// store, audited, with the fake ACS port recording every request.
/// </summary>
internal sealed class ActionBoard : IDisposable
{
    public static readonly CommunicationIdentifier Ana = TestEvents.Agent;
    public static readonly CommunicationIdentifier Ben = TestEvents.Agent2;
    public static readonly CommunicationIdentifier Eli = CommunicationIdentifier.AcsUser("8:acs:agent-0003-eli");
    public static readonly CommunicationIdentifier Sam = CommunicationIdentifier.AcsUser("8:acs:supervisor-sam");
    public static readonly CommunicationIdentifier PatPhone = CommunicationIdentifier.Phone("+14255550999");

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private int _next;

    public ActionBoard(bool contactCenter = true)
    {
        Store = StoreTestKit.NewStore(Time, outcomes: new AuditOutcomeObserver(Audit));
        Executor = new ActionExecutor(Store, new RacingApplier(this), new ActionPorts(Acs, new FakeGraphCallsPort()) { HoldMusic = HoldMusic }, Time, Audit, directory: Directory);
        if (contactCenter)
        {
            foreach (var agent in Directory.Agents)
            {
                SetPresence(agent.Id, AgentPresence.Available);
            }
        }
    }

    /// <summary>Runs once just before the executor marks its next action: what lands between its checks and its mark.</summary>
    public Action? BeforeNextMark { get; set; }

    /// <summary>The log is down when the invitation ACS answered with is to be applied: the board never learns it.</summary>
    public bool LoseInvitations { get; set; }

    /// <summary>The store's applier, with <see cref="BeforeNextMark"/> run first.</summary>
    private sealed class RacingApplier(ActionBoard board) : IEventApplier
    {
        private readonly StoreApplier _inner = new(board.Store);

        public Task<(ApplyOutcome Outcome, Call? Call)> ApplyAsync(CallEvent callEvent, CancellationToken cancellationToken)
        {
            if (callEvent is InvitationRequested && board.LoseInvitations)
            {
                throw new EventLogUnavailableException("down");
            }
            if (callEvent is ActionRequested && board.BeforeNextMark is { } race)
            {
                board.BeforeNextMark = null;
                race();
            }
            return _inner.ApplyAsync(callEvent, cancellationToken);
        }
    }

    public static Uri HoldMusic { get; } = new("https://example.test/hold.wav");

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public TestEvents Events { get; } = new();

    public FakeCallAutomationPort Acs { get; } = new();

    public InMemoryAuditTrail Audit { get; } = new();

    public ContactCenterDirectory Directory { get; } = new(
        [new QueueProfile("sales", "Sales", "1")],
        [
            new AgentProfile("ana", "Ana Lima", Ana, ["sales"]),
            new AgentProfile("ben", "Ben Okafor", Ben, ["sales"]),
            new AgentProfile("eli", "Eli Haddad", Eli, ["sales"]),
        ])
    {
        Supervisors = [new SupervisorProfile("sam", "oid-sam", "Sam Supervisor", Sam), new SupervisorProfile("pat", "oid-pat", "Pat Phone", PatPhone)],
    };

    public CallStore Store { get; }

    public ActionExecutor Executor { get; }

    public Call Call => Store.Call1();

    public Agent Agent(string id) => Store.Current.Agents[id];

    public CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    private string Id() => $"b{++_next}";

    public ApplyOutcome Apply(CallEvent e) => Store.Apply(e);

    public void SetPresence(string agentId, AgentPresence presence) =>
        Apply(new AgentStateChanged(Id(), Events.Now, agentId, presence, "test"));

    /// <summary>A connected call with the caller and Ana (as a participant only: no contact-center agent).</summary>
    public ActionBoard WithCall(CallPlatform platform = CallPlatform.Acs)
    {
        Store.WithConnectedCall(Events, platform);
        return this;
    }

    /// <summary>A connected caller waiting in sales (nobody with them).</summary>
    public ActionBoard WithQueuedCaller()
    {
        Apply(new CallConnected(Id(), TestEvents.Call1, Events.Now, CallPlatform.Acs, "server-1", "corr-1", TestEvents.Caller, null));
        Apply(new CallQueued(Id(), TestEvents.Call1, Events.Now, "sales"));
        Roster(TestEvents.In(TestEvents.Caller));
        return this;
    }

    /// <summary>The queued caller offered to <paramref name="agentId"/> by the router, who accepted: their call.</summary>
    public ActionBoard WithAgentCall(string agentId = "ana")
    {
        WithQueuedCaller();
        var context = RouterOffers(agentId);
        Apply(new AddParticipantSucceeded(Id(), TestEvents.Call1, Events.Now, context, Directory.Agent(agentId)!.Identity));
        Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(Directory.Agent(agentId)!.Identity));
        return this;
    }

    /// <summary>The router offers the call to <paramref name="agentId"/> (planned and ringing); returns its operationContext.</summary>
    public string RouterOffers(string agentId, CallId? callId = null)
    {
        var agent = Directory.Agent(agentId)!;
        var context = $"offer-{agentId}-{Id()}";
        Apply(new OfferPlanned(Id(), callId ?? TestEvents.Call1, Events.Now, agentId, agent.Identity, context) { AgentName = agent.Name });
        Apply(new InvitationRequested(Id(), callId ?? TestEvents.Call1, Events.Now, new InvitationId("inv-" + context), agent.Identity, context, TimeSpan.FromSeconds(20)));
        return context;
    }

    private int _sequence = 100;

    /// <summary>A roster, newer than any before.</summary>
    public ApplyOutcome Roster(params ParticipantState[] participants) => Apply(Events.Roster(++_sequence, participants));

    public ApplyOutcome Ended() => Apply(Events.Disconnected());

    public ApplyOutcome Report(string name, string? operationContext, bool succeeded, ResultInfo? result = null) =>
        Apply(new OperationReported(Id(), TestEvents.Call1, Events.Now.AddSeconds(1), name, operationContext, succeeded, result));

    public static Actor Sup(string name = "sam") => StoreTestKit.As(name);

    public static Actor Observer => StoreTestKit.As("olivia", SupervisorRoles.Observer);

    public Task<ActionReceipt> Run(ActionKind kind, string target, Actor? actor = null, params (string Key, string Value)[] arguments)
    {
        // The executor's clock follows the events', so a request is never older than what the board has seen.
        if (Events.Now > Time.GetUtcNow())
        {
            Time.Advance(Events.Now - Time.GetUtcNow());
        }
        return Executor.ExecuteAsync(
            new ActionRequest(kind, TestEvents.Call1, target, actor ?? Sup()) { Arguments = arguments.ToImmutableDictionary(a => a.Key, a => a.Value) },
            Token);
    }

    /// <summary>What the buttons show for the asker (their endpoint resolved, the call's agent by default).</summary>
    public Availability For(ActionKind kind, string target = "", Actor? actor = null)
    {
        var asker = actor ?? Sup();
        return SupervisorActions.For(kind).For(new ActionAsk(
            Store.Current, Store.Current.Find(TestEvents.Call1), target, ImmutableDictionary<string, string>.Empty, asker.Id, asker.Name, Directory));
    }

    public PendingAction? Pending(string operationContext) => Call.PendingActions.GetValueOrDefault(operationContext);

    public ActionOutcome? Outcome(ActionReceipt receipt) => Call.OutcomeOf(receipt.OperationContext!);

    public string Request => Assert.Single(Acs.Requests);

    /// <summary>The Repeatability the request must carry: from its operationContext and the time it was asked.</summary>
    public Repeatability ExpectedRepeatability(ActionReceipt receipt) =>
        Repeatability.For(receipt.OperationContext!, Audit.Entries.Single(e => e.Record.AuditId == receipt.OperationContext).Record.RequestedAt);
}
