using System.Collections.Concurrent;

namespace CallSupervisor.Board.Workflow;

/// <summary>
/// Runs workflow requests off the event loop, at most <see cref="MaxConcurrency"/> at a time (a burst of incoming
/// calls must not become an unbounded burst of ACS requests), and lets shutdown wait for them briefly.
/// </summary>
internal sealed class BackgroundWork(Action<Exception> onError)
{
    public const int MaxConcurrency = 16;
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly SemaphoreSlim _slots = new(MaxConcurrency);

    public void Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            await _slots.WaitAsync();
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
                // Shutdown.
            }
            catch (Exception ex)
            {
                onError(ex);
            }
            finally
            {
                _slots.Release();
            }
        });
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async Task DrainAsync(TimeSpan timeout)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(timeout);
        }
        catch (Exception)
        {
            // Shutdown: failures were logged by the work itself; a timeout abandons what is left.
        }
    }
}
