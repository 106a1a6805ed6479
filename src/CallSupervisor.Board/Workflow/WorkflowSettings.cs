using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Board.Workflow;

/// <summary>The contact-center flow's configuration (section <c>Workflow</c>); see <see cref="ContactCenterWorkflow"/>.</summary>
public sealed class WorkflowSettings
{
    public const string SectionName = "Workflow";

    /// <summary>Answer incoming calls, run hold music and the menu, and route callers to agents.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The agents, each a raw id with an optional name, key and queues (see <see cref="AgentSettings"/>).</summary>
    public List<AgentSettings> Agents { get; set; } = [];

    /// <summary>Each supervisor's own endpoint, to listen in, join or take calls with (see <see cref="SupervisorSettings"/>).</summary>
    public List<SupervisorSettings> Supervisors { get; set; } = [];

    /// <summary>The queues (see <see cref="QueueSettings"/>); none configured: one queue, <c>main</c>, served by every agent.</summary>
    public List<QueueSettings> Queues { get; set; } = [];

    /// <summary>Declined or unanswered offers in a row after which an agent is set away (0: never).</summary>
    public int MissedOffersToAway { get; set; } = 2;

    /// <summary>How long an agent wraps up after a call before the next offer.</summary>
    public TimeSpan WrapUpTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The state of agents the event log has not heard of yet (Available, Away or Offline).</summary>
    public AgentPresence InitialAgentPresence { get; set; } = AgentPresence.Available;

    public Uri? HoldMusic { get; set; }

    public Uri? MenuPrompt { get; set; }

    public TimeSpan InvitationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool PlayHoldMusic { get; set; } = true;

    public bool RecognizeMenu { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        if (Agents.Count == 0)
        {
            yield return "Workflow:Agents must list at least one agent raw id (e.g. 8:acs:…), or set Workflow:Enabled=false.";
        }
        foreach (var agent in Agents.Where(a => string.IsNullOrWhiteSpace(a.Id) || CommunicationIdentifier.FromRawId(a.Id).Kind == IdentifierKind.Unknown))
        {
            yield return $"Workflow:Agents entry '{agent.Id}' is not a recognised raw id (4:…, 8:acs:…, 8:orgid:…, 28:orgid:…).";
        }
        if (HoldMusic is not { IsAbsoluteUri: true } || MenuPrompt is not { IsAbsoluteUri: true })
        {
            yield return "Workflow:HoldMusic and Workflow:MenuPrompt must be absolute URLs of audio files ACS can fetch.";
        }
        if (InvitationTimeout < TimeSpan.FromSeconds(1) || InvitationTimeout > TimeSpan.FromSeconds(180))
        {
            yield return "Workflow:InvitationTimeout must be between 1 and 180 seconds (the ACS limit).";
        }
        foreach (var problem in ValidateQueues())
        {
            yield return problem;
        }
        foreach (var supervisor in Supervisors)
        {
            if (string.IsNullOrWhiteSpace(supervisor.UserId))
            {
                yield return $"Workflow:Supervisors entry '{supervisor.Name ?? supervisor.Id}' needs the UserId (object id) of the supervisor who signs in.";
            }
            if (string.IsNullOrWhiteSpace(supervisor.Id) || CommunicationIdentifier.FromRawId(supervisor.Id).Kind == IdentifierKind.Unknown)
            {
                yield return $"Workflow:Supervisors entry '{supervisor.Name ?? supervisor.UserId}': Id '{supervisor.Id}' is not a recognised raw id (4:+…, 8:acs:…, 8:orgid:…).";
            }
        }
        if (MissedOffersToAway < 0)
        {
            yield return "Workflow:MissedOffersToAway must be 0 (never) or more.";
        }
        if (WrapUpTime < TimeSpan.Zero || WrapUpTime > TimeSpan.FromHours(1))
        {
            yield return "Workflow:WrapUpTime must be between 0 and 1 hour.";
        }
    }

    private IEnumerable<string> ValidateQueues()
    {
        var ids = Queues.Select(q => q.Id?.Trim()).ToList();
        foreach (var queue in Queues.Where(q => string.IsNullOrWhiteSpace(q.Id)))
        {
            yield return $"Workflow:Queues entry '{queue.Name}' needs an Id.";
        }
        foreach (var duplicate in ids.Where(i => i is not null).GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Workflow:Queues lists '{duplicate.Key}' more than once.";
        }
        foreach (var queue in Queues.Where(q => q.MenuDigit is not null && (q.MenuDigit.Length != 1 || !"0123456789*#".Contains(q.MenuDigit[0], StringComparison.Ordinal))))
        {
            yield return $"Workflow:Queues '{queue.Id}': MenuDigit must be one key (0-9, * or #), not '{queue.MenuDigit}'.";
        }
        foreach (var queue in Queues.Where(q => q.OverflowQueue is not null && !ids.Contains(q.OverflowQueue)))
        {
            yield return $"Workflow:Queues '{queue.Id}': OverflowQueue '{queue.OverflowQueue}' is not a queue.";
        }
        foreach (var queue in Queues.Where(q => (q.MaxWait is null) != (q.OverflowQueue is null)))
        {
            yield return $"Workflow:Queues '{queue.Id}': MaxWait and OverflowQueue go together.";
        }
        var known = Queues.Count == 0 ? ["main"] : ids;
        foreach (var agent in Agents)
        {
            foreach (var queue in agent.Queues.Where(q => !known.Contains(q)))
            {
                yield return $"Workflow:Agents '{agent.Key ?? agent.Id}': queue '{queue}' is not in Workflow:Queues.";
            }
        }
        foreach (var duplicate in Agents.Select(Key).GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Workflow:Agents lists the key '{duplicate.Key}' more than once.";
        }
        // One user is one agent: the agent API must know whose state a sign-in sets.
        foreach (var duplicate in Agents.Where(a => !string.IsNullOrWhiteSpace(a.UserId)).GroupBy(a => a.UserId!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"Workflow:Agents: the UserId '{duplicate.Key}' is given to more than one agent ({string.Join(", ", duplicate.Select(Key))}).";
        }
    }

    private static string Key(AgentSettings agent) => string.IsNullOrWhiteSpace(agent.Key) ? agent.Id?.Trim() ?? "" : agent.Key.Trim();

    /// <summary>The queues and agents as Core reads them.</summary>
    internal ContactCenterDirectory ToDirectory()
    {
        ImmutableArray<QueueProfile> queues = Queues.Count == 0
            ? [new QueueProfile("main", "Main queue")]
            : [.. Queues.Where(q => !string.IsNullOrWhiteSpace(q.Id)).Select(q => new QueueProfile(
                q.Id!.Trim(), string.IsNullOrWhiteSpace(q.Name) ? q.Id!.Trim() : q.Name.Trim(), q.MenuDigit, q.Priority, q.MaxWait, q.OverflowQueue))];
        var all = queues.Select(q => q.Id).ToImmutableArray();
        ImmutableArray<AgentProfile> agents = [.. Agents
            .Where(a => !string.IsNullOrWhiteSpace(a.Id) && CommunicationIdentifier.FromRawId(a.Id).Kind != IdentifierKind.Unknown)
            .Select(a => new AgentProfile(Key(a), string.IsNullOrWhiteSpace(a.Name) ? Key(a) : a.Name.Trim(), CommunicationIdentifier.FromRawId(a.Id!),
                a.Queues.Count == 0 ? all : [.. a.Queues])
            {
                UserId = string.IsNullOrWhiteSpace(a.UserId) ? null : a.UserId.Trim(),
            })];
        ImmutableArray<SupervisorProfile> supervisors = [.. Supervisors
            .Where(s => !string.IsNullOrWhiteSpace(s.UserId) && !string.IsNullOrWhiteSpace(s.Id) && CommunicationIdentifier.FromRawId(s.Id).Kind != IdentifierKind.Unknown)
            .Select(s => new SupervisorProfile(
                string.IsNullOrWhiteSpace(s.Key) ? s.UserId!.Trim() : s.Key.Trim(), s.UserId!.Trim(),
                string.IsNullOrWhiteSpace(s.Name) ? "Supervisor" : s.Name.Trim(), CommunicationIdentifier.FromRawId(s.Id!.Trim())))];
        return new ContactCenterDirectory(queues, agents) { Supervisors = supervisors };
    }

    internal WorkflowOptions ToOptions() => new(
        Enabled,
        ToDirectory(),
        HoldMusic ?? new Uri("about:blank"),
        MenuPrompt ?? new Uri("about:blank"),
        InvitationTimeout,
        PlayHoldMusic,
        RecognizeMenu)
    {
        Routing = new RoutingOptions(MissedOffersToAway, WrapUpTime, InvitationTimeout, InitialPresence: InitialAgentPresence,
            MenuGraceTime: RecognizeMenu ? null : TimeSpan.Zero),
    };
}

/// <summary>Reports every problem of the Workflow section at start, each naming the setting to fix.</summary>
internal sealed class WorkflowSettingsValidator : Microsoft.Extensions.Options.IValidateOptions<WorkflowSettings>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, WorkflowSettings options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
