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
        var subscription = Subscribe(_stop.Token);
        State = subscription.Initial;
        _loop = ReadAsync(subscription.Changes);
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
        _stop.Dispose();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
