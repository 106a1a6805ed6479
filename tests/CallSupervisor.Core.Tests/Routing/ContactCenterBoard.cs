using CallSupervisor.Core.Routing;

namespace CallSupervisor.Core.Tests.Routing;

/// <summary>
/// A small contact center for the routing tests: two queues (sales has priority), three agents — Ana in both,
/// Ben in sales, Eli in support — and a store fed with events at a clock the test moves.
/// </summary>
internal sealed class ContactCenterBoard
{
    public static readonly CommunicationIdentifier Ana = CommunicationIdentifier.AcsUser("8:acs:agent-ana");
    public static readonly CommunicationIdentifier Ben = CommunicationIdentifier.AcsUser("8:acs:agent-ben");
    public static readonly CommunicationIdentifier Eli = CommunicationIdentifier.AcsUser("8:acs:agent-eli");

    private int _next;

    public ContactCenterBoard(ContactCenterDirectory? directory = null)
    {
        Directory = directory ?? new ContactCenterDirectory(
            [new QueueProfile("sales", "Sales", "1", Priority: 1), new QueueProfile("support", "Support", "2")],
            [
                new AgentProfile("ana", "Ana Lima", Ana, ["sales", "support"]),
                new AgentProfile("ben", "Ben Okafor", Ben, ["sales"]),
                new AgentProfile("eli", "Eli Haddad", Eli, ["support"]),
            ]);
    }

    public ContactCenterDirectory Directory { get; }

    public RoutingOptions Options { get; init; } = new(MissedOffersToAway: 2, WrapUpTime: TimeSpan.FromSeconds(10));

    public CallStore Store { get; } = new(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));

    public DateTimeOffset Now { get; private set; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public CallsSnapshot Board => Store.Current;

    public void Pass(TimeSpan time) => Now += time;

    public ApplyOutcome Apply(CallEvent e) => Store.Apply(e);

    private string Id() => $"e{++_next}";

    public void SignIn(string agentId, AgentPresence presence = AgentPresence.Available)
    {
        Apply(new AgentStateChanged(Id(), Now, agentId, presence, "test"));
        Pass(TimeSpan.FromSeconds(1));
    }

    public void SignInAll()
    {
        foreach (var agent in Directory.Agents)
        {
            SignIn(agent.Id);
        }
    }

    /// <summary>A connected ACS caller, queued in <paramref name="queue"/>.</summary>
    public CallId Queue(string callId, string queue)
    {
        var id = new CallId(callId);
        Apply(new CallConnected(Id(), id, Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        Apply(new CallQueued(Id(), id, Now, queue));
        Pass(TimeSpan.FromSeconds(1));
        return id;
    }

    public IReadOnlyList<RoutingDecision> Decide() => Router.Decide(Board, Directory, Options, Now);

    /// <summary>Carries out the offers decided now as the runtime would: planned, then ringing.</summary>
    public IReadOnlyList<OfferCall> OfferNow()
    {
        var offers = Decide().OfType<OfferCall>().ToList();
        foreach (var offer in offers)
        {
            Plan(offer.CallId, offer.Agent.Id);
        }
        return offers;
    }

    public string Plan(CallId callId, string agentId)
    {
        var agent = Directory.Agent(agentId)!;
        var context = $"offer-{callId}-{agentId}-{_next}";
        Apply(new OfferPlanned(Id(), callId, Now, agentId, agent.Identity, context) { AgentName = agent.Name });
        Apply(new InvitationRequested(Id(), callId, Now, new InvitationId("inv-" + context), agent.Identity, context, TimeSpan.FromSeconds(20)));
        return context;
    }

    public string ContextOf(CallId callId) => Board.Find(callId)!.Offer!.OperationContext;

    public void Accept(CallId callId)
    {
        var offer = Board.Find(callId)!.Offer!;
        Apply(new AddParticipantSucceeded(Id(), callId, Now, offer.OperationContext, offer.Agent));
        Pass(TimeSpan.FromSeconds(1));
    }

    public void Decline(CallId callId)
    {
        Apply(new AddParticipantFailed(Id(), callId, Now, ContextOf(callId), null, new ResultInfo(603, 0, "Declined")));
        Pass(TimeSpan.FromSeconds(1));
    }

    public void HangUp(CallId callId)
    {
        Apply(new CallDisconnected(Id(), callId, Now, null));
        Pass(TimeSpan.FromSeconds(1));
    }

    public Agent Agent(string id) => Board.Agents[id];

    public Call Call(CallId id) => Board.Find(id)!;

    public static string[] AgentsOf(IEnumerable<OfferCall> offers) => [.. offers.Select(o => o.Agent.Id)];
}
