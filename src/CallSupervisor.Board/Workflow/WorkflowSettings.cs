using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Board.Workflow;

/// <summary>The contact-center flow's configuration (section <c>Workflow</c>); see <see cref="ContactCenterWorkflow"/>.</summary>
public sealed class WorkflowSettings
{
    public const string SectionName = "Workflow";

    /// <summary>Answer incoming calls and run hold music, menu and agent invitation.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Agents to invite, each a raw id with an optional display name (see <see cref="AgentSettings"/>).</summary>
    public List<AgentSettings> Agents { get; set; } = [];

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
    }

    internal WorkflowOptions ToOptions() => new(
        Enabled,
        [.. Agents.Where(a => !string.IsNullOrWhiteSpace(a.Id)).Select(a => CommunicationIdentifier.FromRawId(a.Id!))],
        HoldMusic ?? new Uri("about:blank"),
        MenuPrompt ?? new Uri("about:blank"),
        InvitationTimeout,
        PlayHoldMusic,
        RecognizeMenu)
    {
        AgentNames = Agents
            .Where(a => !string.IsNullOrWhiteSpace(a.Id) && !string.IsNullOrWhiteSpace(a.Name))
            .GroupBy(a => a.Id!)
            .ToDictionary(g => g.Key, g => g.First().Name!.Trim()),
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
