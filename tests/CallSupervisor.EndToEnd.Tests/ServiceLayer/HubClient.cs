using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// Follows the calls hub like any client would: applies the snapshot, then each <c>changed</c> batch (dropping
/// batches older than the snapshot), and lets a test wait for a condition on a call. No polling, no sleeps:
/// every received message re-checks the waiting conditions.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonElement> _calls = [];
    private readonly List<(Func<JsonElement?, bool> Condition, string CallId, TaskCompletionSource<JsonElement?> Done)> _waiters = [];
    private readonly List<JsonElement> _early = [];
    private long _version = -1;
    private TaskCompletionSource? _changed;

    public HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("snapshot", snapshot =>
        {
            lock (_gate)
            {
                _calls.Clear();
                _version = snapshot.GetProperty("version").GetInt64();
                foreach (var call in snapshot.GetProperty("calls").EnumerateArray())
                {
                    _calls[call.GetProperty("callId").GetString()!] = call.Clone();
                }
                SnapshotsReceived++;
                // Batches that overtook the snapshot: apply those newer than it, in order.
                foreach (var early in _early.OrderBy(b => b.GetProperty("version").GetInt64()))
                {
                    ApplyBatch(early);
                }
                _early.Clear();
                CheckWaiters();
            }
        });
        connection.On<JsonElement>("changed", batch =>
        {
            lock (_gate)
            {
                if (SnapshotsReceived == 0)
                {
                    // The hub joins a connection to the broadcast before sending its snapshot.
                    _early.Add(batch.Clone());
                    return;
                }
                ApplyBatch(batch);
                BatchesReceived++;
                CheckWaiters();
            }
        });
    }

    public HubConnection Connection { get; }

    private void ApplyBatch(JsonElement batch)
    {
        // Everything up to the snapshot's version is already in the snapshot.
        var version = batch.GetProperty("version").GetInt64();
        if (version <= _version)
        {
            return;
        }
        _version = version;
        foreach (var call in batch.GetProperty("changed").EnumerateArray())
        {
            _calls[call.GetProperty("callId").GetString()!] = call.Clone();
        }
        foreach (var removed in batch.GetProperty("removed").EnumerateArray())
        {
            _calls.Remove(removed.GetString()!);
        }
    }

    public int SnapshotsReceived { get; private set; }

    /// <summary>Every call the hub has shown, as last received.</summary>
    public IReadOnlyDictionary<string, JsonElement> Calls
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, JsonElement>(_calls);
            }
        }
    }

    /// <summary>Completes at the next batch or snapshot applied, or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitForChangeAsync(TimeSpan timeout)
    {
        Task changed;
        lock (_gate)
        {
            _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed = _changed.Task;
        }
        await Task.WhenAny(changed, Task.Delay(timeout));
    }

    public int BatchesReceived { get; private set; }

    /// <summary>Waits until <paramref name="condition"/> holds for the call (null while the hub has not seen it).</summary>
    public async Task<JsonElement> WaitForCallAsync(string callId, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((c => c is { } call && condition(call), callId, done));
            CheckWaiters();
        }
        try
        {
            return (await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20)))!.Value;
        }
        catch (TimeoutException)
        {
            string seen;
            lock (_gate)
            {
                seen = _calls.TryGetValue(callId, out var call) ? call.GetRawText() : "(call not seen)";
            }
            throw new TimeoutException($"Timed out waiting for {what} on call {callId}. Last state: {seen}");
        }
    }

    public Task<JsonElement> InvokeAsync(string method, params object[] args) =>
        Connection.InvokeCoreAsync<JsonElement>(method, args);

    private void CheckWaiters()
    {
        _changed?.TrySetResult();
        _changed = null;
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var (condition, callId, done) = _waiters[i];
            _calls.TryGetValue(callId, out var call);
            JsonElement? current = _calls.ContainsKey(callId) ? call : null;
            if (condition(current))
            {
                _waiters.RemoveAt(i);
                done.TrySetResult(current);
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
