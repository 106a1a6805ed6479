using CallSupervisor.Core.Feeds;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components;

/// <summary>
/// A component that shows a live feed: subscribes in <see cref="OnInitialized"/>, reads the batched change
/// stream in a background loop, renders each batch once through <see cref="ComponentBase.InvokeAsync(Action)"/>,
/// and cancels and awaits the loop when disposed. Failures go to the renderer via DispatchExceptionAsync.
/// </summary>
public abstract class FeedComponentBase<TState, TChange> : ComponentBase, IAsyncDisposable
    where TState : class
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private Task? _ticker;

    [Inject] public required TimeProvider Time { get; init; }

    /// <summary>The clock for durations and ages, refreshed every <see cref="TickInterval"/>.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>Set to re-render on a timer (ticking durations); null for none.</summary>
    protected virtual TimeSpan? TickInterval => null;

    /// <summary>The latest state; set from the subscription's snapshot before the first render.</summary>
    protected TState State { get; private set; } = null!;

    /// <summary>Number of batches rendered so far (a render per batch, never per event).</summary>
    protected int BatchesRendered { get; private set; }

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
        try
        {
            await foreach (var batch in changes.WithCancellation(_stop.Token))
            {
                await InvokeAsync(() =>
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                    State = batch.State;
                    Now = Time.GetUtcNow();
                    OnBatch(batch);
                    BatchesRendered++;
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
