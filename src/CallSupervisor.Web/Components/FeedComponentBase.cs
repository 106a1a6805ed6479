using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Feeds;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components;

/// <summary>
/// A component that shows a live feed: subscribes in <see cref="OnInitialized"/>, reads the batched change
/// stream in a background loop, renders each batch once through <see cref="ComponentBase.InvokeAsync(Action)"/>,
/// and cancels and awaits the loop when disposed. Failures go to the renderer via DispatchExceptionAsync.
/// </summary>
/// <remarks>
/// The next batch is taken only once the browser has applied the previous render (Blazor calls
/// <see cref="OnAfterRender"/> when the client acknowledges the batch): changes that arrive meanwhile are coalesced
/// into the next render. A page that keeps up renders a change as soon as it comes; a page whose browser is slow
/// (a loaded machine, a slow link) gets fewer, larger renders instead of a queue of them. The feed's window
/// (<c>Dashboard:BatchWindow</c>) still bounds the render rate. A client that never acknowledges (gone, not yet
/// reconnected) holds the loop for <see cref="AcknowledgeTimeout"/> at most.
/// </remarks>
public abstract class FeedComponentBase<TState, TChange> : ComponentBase, IAsyncDisposable
    where TState : class
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private Task? _ticker;
    private TaskCompletionSource? _rendered;

    /// <summary>How long a batch waits at most for the browser to acknowledge the previous render.</summary>
    public static readonly TimeSpan AcknowledgeTimeout = TimeSpan.FromSeconds(1);

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required CallSupervisor.Core.Diagnostics.CallSupervisorMetrics Metrics { get; init; }

    /// <summary>The clock for durations and ages, refreshed every <see cref="TickInterval"/>.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>Set to re-render on a timer (ticking durations); null for none.</summary>
    protected virtual TimeSpan? TickInterval => null;

    /// <summary>The latest state; set from the subscription's snapshot before the first render.</summary>
    protected TState State { get; private set; } = null!;

    protected abstract FeedSubscription<TState, TChange> Subscribe(CancellationToken cancellationToken);

    /// <summary>Called on the renderer's context for each batch, before the re-render.</summary>
    protected virtual void OnBatch(FeedBatch<TState, TChange> batch)
    {
    }

    protected override void OnInitialized()
    {
        Now = Time.GetUtcNow();
        var subscription = Subscribe(_stop.Token);
        State = subscription.Initial;
        _loop = ReadAsync(subscription.Changes);
        if (TickInterval is { } interval)
        {
            _ticker = TickAsync(interval);
        }
    }

    private async Task TickAsync(TimeSpan interval)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, Time);
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(() =>
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                    Now = Time.GetUtcNow();
                    OnTick();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    /// <summary>Called on the renderer's context at every tick of <see cref="TickInterval"/>, before the re-render.</summary>
    protected virtual void OnTick()
    {
    }

    private async Task ReadAsync(IAsyncEnumerable<FeedBatch<TState, TChange>> changes)
    {
        // Each render's span is its own (linked to the events it shows), not a child of the request or hub call that
        // opened the page: cleared for this loop only (an async method's change to the current span stays inside it).
        Activity.Current = null;
        try
        {
            await foreach (var batch in changes.WithCancellation(_stop.Token))
            {
                // From the batch's arrival to the browser's acknowledgement of its render: the board's last step.
                using var activity = BatchSpans.Start("circuit.render", batch.Traces);
                activity?.SetTag(TelemetryTags.Component, GetType().Name).SetTag(TelemetryTags.ChangeCount, batch.Changes.Length);
                TaskCompletionSource? rendered = null;
                var start = Metrics.RenderEnabled ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
                await InvokeAsync(() =>
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                    State = batch.State;
                    Now = Time.GetUtcNow();
                    OnBatch(batch);
                    _rendered = rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    StateHasChanged();
                });
                if (rendered is not null)
                {
                    var acknowledged = await WaitForBrowserAsync(rendered.Task);
                    activity?.SetTag("callsupervisor.render.acknowledged", acknowledged);
                    if (acknowledged && start != 0)
                    {
                        // From the batch reaching this page to its browser acknowledging the render.
                        Metrics.Rendered(start);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    /// <summary>Completes the wait of the batch just rendered: the browser has applied it (or, without a browser, it is done).</summary>
    protected sealed override void OnAfterRender(bool firstRender)
    {
        _rendered?.TrySetResult();
        _rendered = null;
    }

    /// <summary>Whether the browser acknowledged the render in time.</summary>
    private async Task<bool> WaitForBrowserAsync(Task rendered)
    {
        try
        {
            // Not the component's clock: a test's manual clock must not hold the loop; the real one bounds a lost client.
            await rendered.WaitAsync(AcknowledgeTimeout, _stop.Token);
            return true;
        }
        catch (TimeoutException)
        {
            // No acknowledgement (client gone or reconnecting): go on, the next render carries everything.
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        if (_ticker is not null)
        {
            await _ticker;
        }
        _stop.Dispose();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
