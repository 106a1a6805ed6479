using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Store;
using MudBlazor;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Actions;

/// <summary>
/// <see cref="IActionNotifier"/> on MudBlazor snackbars. A sent action's notice is kept until the call shows the
/// action's outcome (looked up by its operationContext), then replaced by it. The feed is followed only while some
/// action is awaited, so an idle circuit holds no subscription.
/// </summary>
public sealed class SnackbarActionNotifier(ISnackbar snackbar, ICallsFeed feed) : IActionNotifier, IAsyncDisposable
{
    /// <summary>How long a confirmed outcome stays up.</summary>
    public const int ConfirmedVisibleMs = 4000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (CallId CallId, Snackbar? Notice)> _awaited = [];
    private CancellationTokenSource? _following;

    public void Sent(SupervisorAction action, CallId callId, string what, ActionReceipt outcome)
    {
        switch (outcome.Status)
        {
            case ReceiptStatus.Refused or ReceiptStatus.Forbidden:
                Sticky($"{what} not sent: {outcome.Message}", Severity.Warning);
                return;
            case ReceiptStatus.Failed:
                Sticky(outcome.Error is { } error ? $"{what} failed — {error.Code}: {error.Message}" : outcome.Message, Severity.Error);
                return;
        }
        if (outcome.OperationContext is not { } context)
        {
            return;
        }
        if (action.Scope == ActionScope.Agent)
        {
            // Carried out at once (not a request to ACS): nothing more will come.
            snackbar.Add(outcome.Message, Severity.Success, o => o.VisibleStateDuration = ConfirmedVisibleMs);
            return;
        }
        var notice = snackbar.Add(outcome.Message, Severity.Info, o =>
        {
            o.RequireInteraction = true;
            o.ShowCloseIcon = true;
        }, key: context);
        lock (_gate)
        {
            _awaited[context] = (callId, notice);
            if (_following is null)
            {
                _following = new CancellationTokenSource();
                _ = FollowAsync(_following.Token);
            }
        }
        // The outcome may already be in (a fast callback): settle against the current state too.
        Settle(feed.Current);
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            var subscription = feed.Subscribe(cancellationToken);
            Settle(subscription.Initial);
            await foreach (var batch in subscription.Changes)
            {
                Settle(batch.State);
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing awaited any more, or the circuit closed.
        }
    }

    private void Settle(CallsSnapshot snapshot)
    {
        List<(string Context, Snackbar? Notice, ActionOutcome? Outcome)> settled = [];
        lock (_gate)
        {
            foreach (var (context, (callId, notice)) in _awaited)
            {
                var call = snapshot.Find(callId);
                if (call is null || call.OutcomeOf(context) is { })
                {
                    settled.Add((context, notice, call?.OutcomeOf(context)));
                }
            }
            foreach (var (context, _, _) in settled)
            {
                _awaited.Remove(context);
            }
            if (_awaited.Count == 0 && _following is { } following)
            {
                _following = null;
                following.Cancel();
                following.Dispose();
            }
        }
        foreach (var (_, notice, outcome) in settled)
        {
            if (notice is not null)
            {
                snackbar.Remove(notice);
            }
            Show(outcome);
        }
    }

    private void Show(ActionOutcome? outcome)
    {
        switch (outcome?.Result)
        {
            case null:
                Sticky("The call is no longer on the dashboard", Severity.Warning);
                break;
            case ActionResult.Confirmed:
                snackbar.Add(outcome.Text, Severity.Success, o => o.VisibleStateDuration = ConfirmedVisibleMs);
                break;
            case ActionResult.Failed:
                Sticky(outcome.Text, Severity.Error);
                break;
            default:
                Sticky(outcome.Text, Severity.Warning);
                break;
        }
    }

    private void Sticky(string message, Severity severity) =>
        snackbar.Add(message, severity, o =>
        {
            o.RequireInteraction = true;
            o.ShowCloseIcon = true;
        });

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _following?.Cancel();
            _following?.Dispose();
            _following = null;
            _awaited.Clear();
        }
        return ValueTask.CompletedTask;
    }
}
