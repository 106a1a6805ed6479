using System.Globalization;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Everything particular to one supervisor action, in one place: how its button looks (label, busy label, icon,
/// tone, confirmation), where it sits (<see cref="Scope"/>), when it is available and why not, what it resolves
/// before it runs, what it marks on the call, the request it sends, and the rules that tell when ACS has settled
/// it. Marking it pending, reverting it on an error, expiring it unconfirmed and clearing it when the call ends
/// are written once for all actions (see <c>Store.Rules.ActionRules</c>), as is running it
/// (<c>Execution.ActionExecutor</c>), carrying it over the hub and drawing its button. Adding an action is a
/// subclass listed in <see cref="SupervisorActions"/>, a port method, and the emulator's side of the request.
/// </summary>
public abstract class SupervisorAction
{
    public abstract ActionKind Kind { get; }

    /// <summary>
    /// The place its button takes among its scope's: an action that replaces another (resume after hold) takes the
    /// other's place, so the screen swaps them in place and keyboard focus stays on the button.
    /// </summary>
    public virtual ActionKind Slot => Kind;

    /// <summary>Where the button sits.</summary>
    public virtual ActionScope Scope => ActionScope.Call;

    /// <summary>How the button looks; see <see cref="ActionTone"/>.</summary>
    public virtual ActionTone Tone => ActionTone.Destructive;

    /// <summary>The button's icon: the name of a Material icon (e.g. <c>MicOff</c>), resolved by the UI kit.</summary>
    public abstract string Icon { get; }

    /// <summary>What the supervisor picks before it runs (an agent, a number).</summary>
    public virtual ActionInput Input => ActionInput.None;

    /// <summary>
    /// Whether the target leaving the call is what the action does (a transfer hands the agent over): the board then
    /// does not warn that the agent left the caller alone while it is pending.
    /// </summary>
    public virtual bool ExpectsDeparture => false;

    /// <summary>What is said once next to the buttons of this kind (what ACS cannot do), or null.</summary>
    public virtual string? Note => null;

    /// <summary>
    /// Whether the button is offered at all on this target (hold for someone not on hold, resume for someone on
    /// hold): a button that could never apply here is left out rather than shown disabled.
    /// </summary>
    public virtual bool Shows(Call call, string target) => true;

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

    /// <summary>The action as prepared, for its audit row: by default as <see cref="Describe(Call, string)"/>.</summary>
    public virtual string Describe(Call call, PendingAction pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return Describe(call, pending.Target);
    }

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

    /// <summary>
    /// Whether the action can run for the asker, before they pick anything: what it would resolve to for them (their
    /// own endpoint, the call's agent) checked against the call. The buttons show this.
    /// </summary>
    public Availability For(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (ask.Call is not { } call)
        {
            return Availability.Refused("The call is not on the board");
        }
        if (Input == ActionInput.None)
        {
            var prepared = Prepare(ask);
            return prepared.Refusal is { } refusal ? Availability.Refused(refusal) : Check(call, prepared.Target);
        }
        return Check(call, DefaultTarget(call, ask.Target));
    }

    /// <summary>The target the action acts on when none is given (a transfer hands over the call's agent).</summary>
    public virtual string DefaultTarget(Call call, string target) => target;

    /// <summary>The action-specific part of <see cref="Check"/> (the call is live and nothing of this kind is pending).</summary>
    protected abstract Availability CheckTarget(Call call, string target);

    /// <summary>What the supervisor is told once the request was accepted.</summary>
    public virtual string SentMessage(Call call, string target) => $"{Describe(call, target)} sent; waiting for {WaitingFor}";

    /// <summary>
    /// Resolves what the action runs with from what was asked (the supervisor's own endpoint, an agent's identity, a
    /// number): the result is kept on the pending action, so the log replays exactly what was sent.
    /// </summary>
    public virtual Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        // Arguments an action does not ask for are not kept: nothing a client sends reaches the log unread.
        return new Preparation(ask.Target, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);
    }

    /// <summary>What marking it pending changes on the call besides the pending entry (an offer, a name, a role).</summary>
    public virtual Call Mark(Call call, PendingAction pending, DateTimeOffset at) => call;

    /// <summary>Undoes <see cref="Mark"/> when the request failed or was never confirmed.</summary>
    public virtual Call Unmark(Call call, PendingAction pending) => call;

    /// <summary>Sends the request. Failures are returned by the ports, not thrown.</summary>
    public abstract Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken);

    /// <summary>
    /// After any change to the call: whether <paramref name="pending"/> is now settled, and how (null: still
    /// pending). Explicit outcomes (a failed cancel, say) are recorded by the rule that sees them instead.
    /// </summary>
    public abstract Settlement? Settled(Call call, PendingAction pending);

    /// <summary>
    /// ACS's callback about this action's operation (<see cref="OperationReported"/>): the call as it leaves it and
    /// the settlement, if it settles the action. By default a failure settles it as failed with ACS's words; a
    /// success is left to <see cref="Settled"/>, which reads the state it produced.
    /// </summary>
    public virtual (Call Call, Settlement? Settlement) Reported(Call call, PendingAction pending, OperationReported report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Succeeded
            ? (call, null)
            : (Unmark(call, pending), new Settlement(ActionResult.Failed, $"{Describe(call, pending.Target)} failed: {Model.Describe.Result(report.Result)}"));
    }

    /// <summary>
    /// Whether the board's confirmation timeout may release it now. An action waiting on an invitation that still rings
    /// (an invitation may ring longer than that timeout) is kept: the invitation's own end settles it, and releasing it
    /// first would free the agent or the caller for another offer while the phone still rings.
    /// </summary>
    public virtual bool MayExpire(Call call, PendingAction pending) => true;

    /// <summary>
    /// Past this, an action kept for what still rings (<see cref="MayExpire"/>) is released anyway: ACS rings for at
    /// most 180 s, so an outcome not heard of by then (a lost callback) will not come.
    /// </summary>
    public static readonly TimeSpan LongestRing = TimeSpan.FromSeconds(180 + 60);

    /// <summary>How the action ends when the call does (hang up: that is its success); null: "the call ended first".</summary>
    public virtual Settlement? SettledByEnd(Call call, PendingAction pending) => null;

    /// <summary>Refuses unless the call is connected (media and mute need an established call).</summary>
    /// <remarks>Also the rule for ACS-only requests: see <see cref="NotAcs"/>.</remarks>
    protected static Availability? NotConnected(Call call) => call.State switch
    {
        CallState.Connected => null,
        CallState.Unknown => Availability.Refused("The call's state is not known yet (waiting for reconciliation)"),
        _ => Availability.Refused($"The call is {call.State}"),
    };

    /// <summary>Refuses a request only ACS has (hold, transfer, remove, hang up, listen in) on a Graph call.</summary>
    protected Availability? NotAcs(Call call) =>
        call.Platform == CallPlatform.Acs ? null : Availability.Refused($"{Label} is available only on ACS calls");

    /// <summary>A participant's name on this call (the raw id's short form when the call does not know them).</summary>
    /// <remarks>
    /// A blank target (an asker without an endpoint, a hand-made request) is described, not thrown on: its refusal
    /// must still reach the asker and the audit trail.
    /// </remarks>
    protected static string Who(Call call, string rawId) =>
        Model.Describe.Who(call, call.Participants.TryGetValue(rawId, out var p) ? p.Identifier
            : string.IsNullOrWhiteSpace(rawId) ? null : CommunicationIdentifier.FromRawId(rawId));

    private string Requested(SupervisorRequest request) =>
        string.IsNullOrEmpty(request.Supervisor)
            ? $"{Label} already requested"
            : $"{Label} already requested by {request.Supervisor} at {request.RequestedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
}
