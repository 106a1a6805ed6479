using System.Globalization;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Everything particular to one supervisor action, in one place: its words (label, busy label, confirmation),
/// when it is available and why not, the request it sends, and the rule that tells when ACS has settled it.
/// Marking it pending, reverting it on an error, expiring it unconfirmed and clearing it when the call ends are
/// written once for all actions (see <c>Store.Rules.ActionRules</c>), as is running it
/// (<c>Execution.ActionExecutor</c>). Adding an action is a subclass, a port method, and its settle rule.
/// </summary>
public abstract class SupervisorAction
{
    public abstract ActionKind Kind { get; }

    /// <summary>The button's text, e.g. "Mute".</summary>
    public abstract string Label { get; }

    /// <summary>The button's text while the action is pending, e.g. "Muting…".</summary>
    public abstract string BusyLabel { get; }

    /// <summary>What a pending action waits for, in "…; waiting for …".</summary>
    protected virtual string WaitingFor => "ACS to confirm";

    /// <summary>
    /// Prefix of the operationContext sent with it (<c>supervisor-mute:</c>, <c>supervisor-cancel-invitation:</c>, …),
    /// so callbacks and logs show a supervisor caused them.
    /// </summary>
    public string ContextPrefix => "supervisor-" + string.Concat(Kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())) + ":";

    /// <summary>The action on its target in words, e.g. "Mute of Agent ana" (for messages and the activity feed).</summary>
    public abstract string Describe(Call call, string target);

    /// <summary>The button's accessible name, naming the target, e.g. "Mute Agent ana".</summary>
    public abstract string AccessibleName(Call call, string target);

    /// <summary>The question to ask first, or null for an action that asks nothing (mute).</summary>
    public virtual Confirmation? Confirmation(Call call, string target) => null;

    /// <summary>Whether the action can run now, and if not, why (shown next to or on the disabled button).</summary>
    public Availability Check(Call call, string target)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(target);
        if (!call.IsLive)
        {
            return Availability.Refused("The call has ended");
        }
        if (call.PendingFor(Kind, target) is { } pending)
        {
            return Availability.Refused($"{Requested(pending.Request)}; waiting for {WaitingFor}");
        }
        return CheckTarget(call, target);
    }

    /// <summary>The action-specific part of <see cref="Check"/> (the call is live and nothing of this kind is pending).</summary>
    protected abstract Availability CheckTarget(Call call, string target);

    /// <summary>What the supervisor is told once the request was accepted.</summary>
    public virtual string SentMessage(Call call, string target) => $"{Describe(call, target)} sent; waiting for {WaitingFor}";

    /// <summary>Sends the request. Failures are returned by the ports, not thrown.</summary>
    public abstract Task<TelephonyResult<Unit>> SendAsync(ActionPorts ports, Call call, string target, string operationContext, CancellationToken cancellationToken);

    /// <summary>
    /// After any change to the call: whether <paramref name="pending"/> is now settled, and how (null: still
    /// pending). Explicit outcomes (a failed cancel, say) are recorded by the rule that sees them instead.
    /// </summary>
    public abstract Settlement? Settled(Call call, PendingAction pending);

    /// <summary>Refuses unless the call is connected (media and mute need an established call).</summary>
    protected static Availability? NotConnected(Call call) => call.State switch
    {
        CallState.Connected => null,
        CallState.Unknown => Availability.Refused("The call's state is not known yet (waiting for reconciliation)"),
        _ => Availability.Refused($"The call is {call.State}"),
    };

    private string Requested(SupervisorRequest request) =>
        string.IsNullOrEmpty(request.Supervisor)
            ? $"{Label} already requested"
            : $"{Label} already requested by {request.Supervisor} at {request.RequestedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
}
