namespace CallSupervisor.Core.Ports;

/// <summary>The telephony ports an action may call, and the settings its requests need.</summary>
public sealed record ActionPorts(ICallAutomationPort Acs, IGraphCallsPort Graph)
{
    /// <summary>What a participant put on hold hears (ACS plays silence without it).</summary>
    public Uri? HoldMusic { get; init; }

    /// <summary>How long an invitation rings (listen in, join, assign) before ACS gives up.</summary>
    public TimeSpan InvitationTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
