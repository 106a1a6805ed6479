using CallSupervisor.Core.Settings;

namespace CallSupervisor.Core.Events;

/// <summary>
/// An administrator changed the queues' targets and thresholds: the whole new set, so every instance (and a replay)
/// ends with the same ones whatever it saw before. About no call: <see cref="CallEvent.CallId"/> is
/// <see cref="AgentStateChanged.AgentsCallId"/>'s sibling <see cref="SettingsCallId"/>.
/// </summary>
public sealed record TargetsChanged(string EventId, DateTimeOffset OccurredAt, Targets Targets, string By)
    : CallEvent(EventId, SettingsCallId, OccurredAt)
{
    /// <summary>The call id settings events carry (no call ever has it).</summary>
    public static readonly Identifiers.CallId SettingsCallId = new("settings");

    public override bool Redeliverable => false;
}
