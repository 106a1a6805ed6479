using System.Collections.Concurrent;

namespace CallSupervisor.Web.Calls;

/// <summary>Tracks fire-and-forget tasks so shutdown can wait for them briefly instead of abandoning them.</summary>
internal sealed class BackgroundWork(Action<Exception> onError)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
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
