using System.Collections.Immutable;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Core.Actions;
using CallSupervisor.Web.Security;
using CallSupervisor.Web.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Components.Controls;

/// <summary>
/// Renders any <see cref="SupervisorAction"/> on a target of a call: its label, busy label while the action is
/// pending on the call (from the store, so every supervisor sees it), and when it is not available, the reason as a
/// tooltip and accessible description. A click asks the action's confirmation (if any) and runs it through the
/// <see cref="ActionRunner"/>; focus then returns to the button.
/// </summary>
public partial class ActionButton
{
    private readonly string _reasonId = "action-reason-" + Guid.NewGuid().ToString("N")[..8];
    private MudButton? _button;
    private bool _inFlight;

    /// <summary>The action to offer.</summary>
    [Parameter, EditorRequired] public SupervisorAction Action { get; set; } = null!;

    /// <summary>The call as currently shown (availability and pending state are read from it).</summary>
    [Parameter, EditorRequired] public Call Call { get; set; } = null!;

    /// <summary>What the action acts on within the call (participant raw id, invitation id, or empty for the call).</summary>
    [Parameter] public string Target { get; set; } = "";

    [Inject] public required ActionRunner Runner { get; init; }

    [Inject] public required CurrentUser User { get; init; }

    [Inject] public required ICallsFeed Board { get; init; }

    [Inject] public required WorkflowOptions Workflow { get; init; }

    private Actor? _actor;

    /// <summary>Whether the action can run now, and if not why.</summary>
    public Availability Availability { get; private set; } = Availability.Ok;

    // What the action would act on for this user: the supervisor's own endpoint (listen in, join, leave, take the
    // call), the call's agent (transfer), else the button's target. Empty while it is only known once chosen (assign).
    private string _resolvedTarget = "";

    // Busy while the action is pending on what it would act on for this user: another supervisor listening in does
    // not make this supervisor's Listen in busy. Where that is chosen when it runs (assign), any pending action of its
    // kind makes it busy (a call has one offer at a time).
    private bool IsPending => _resolvedTarget.Length == 0
        ? Call.PendingActions.Values.Any(p => p.Kind == Action.Kind)
        : Call.PendingFor(Action.Kind, _resolvedTarget) is not null;

    // A pending action explains itself by its busy label; the reason is for anything else that stops it.
    private string? Reason => Availability.Allowed || IsPending ? null : Availability.Reason;

    private string? TooltipText => IsPending ? Availability.Reason : Reason;

    private string AccessibleName => Action.AccessibleName(Call, Target);

    private Color Color => ActionLooks.Color(Action.Tone);

    private string Icon => ActionLooks.Icon(Action.Icon);

    private bool Unavailable => !Availability.Allowed || _inFlight;

    private string StateName => IsPending ? "pending" : _inFlight ? "in-flight" : Availability.Allowed ? "enabled" : "disabled";

    protected override async Task OnInitializedAsync() => _actor = await User.GetAsync();

    // The role is checked again by the executor; the button only shows it, so an Observer sees why it cannot act.
    protected override void OnParametersSet()
    {
        var ask = new ActionAsk(Board.Current, Call, Target, ImmutableDictionary<string, string>.Empty, _actor?.Id ?? "", _actor?.Name ?? "", Workflow.Directory);
        _resolvedTarget = Resolve(ask);
        Availability = _actor is null
            ? Availability.Refused("Sign in to act on calls")
            : _actor.WhyNotAct is { } why ? Availability.Refused(why)
            : Action.For(ask);
    }

    private string Resolve(ActionAsk ask)
    {
        if (Target.Length > 0)
        {
            return Target;
        }
        return Action.Input == ActionInput.None
            ? Action.Prepare(ask) is { Refusal: null, Target: { } prepared } ? prepared : ""
            : Action.DefaultTarget(Call, Target);
    }

    private async Task OnClickAsync()
    {
        // Guards the gap between the click and the store marking the action pending (and the confirmation dialog):
        // no double fire.
        if (_inFlight || !Availability.Allowed)
        {
            return;
        }
        _inFlight = true;
        try
        {
            await Runner.RunAsync(Action, Call, Target);
        }
        finally
        {
            _inFlight = false;
        }
        // Back to where the supervisor was (the confirmation dialog took focus): the button, which stays focusable
        // whatever its state.
        try
        {
            if (_button is not null)
            {
                await _button.FocusAsync();
            }
        }
        catch (Exception ex) when (ex is JSException or InvalidOperationException or TaskCanceledException)
        {
            // The control left the page meanwhile (the row settled away): nothing to return to.
        }
    }
}
