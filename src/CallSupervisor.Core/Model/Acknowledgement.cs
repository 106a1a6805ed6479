namespace CallSupervisor.Core.Model;

/// <summary>Who acknowledged a call's alert, when, and for which reasons (see <see cref="Events.AlertAcknowledged"/>).</summary>
public sealed record Acknowledgement(string By, DateTimeOffset At, string Reasons);
