using System.Text.Encodings.Web;
using System.Text.Json;
using CallSupervisor.Contracts;

namespace CallSupervisor.Client;

public sealed partial class CallsHubClient
{
    // For failure messages only: keeps "+1425…" and "8:acs:…" readable instead of \u002B escapes.
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Completes with the first board — the current one or a later one — for which <paramref name="condition"/>
    /// holds. Event-driven: the condition is checked against each new board as its message is applied.
    /// </summary>
    /// <param name="condition">Checked on the connection's message thread: keep it quick and free of side effects.</param>
    /// <param name="timeout">How long to wait (<see cref="Timeout.InfiniteTimeSpan"/> for no limit).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message describes the last board.</exception>
    /// <exception cref="InvalidOperationException">The connection closed for good before the condition held.</exception>
    public Task<CallBoard> WaitForAsync(Func<CallBoard, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitCoreAsync(condition, timeout, cancellationToken, () => $"Timed out after {timeout} waiting for a board condition. Last board: {Board}");
    }

    /// <summary>
    /// Completes with the call <paramref name="callId"/> once it is on the board and <paramref name="condition"/>
    /// holds for it (as <see cref="WaitForAsync"/>, for one call).
    /// </summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>; the message shows the call as last seen.</exception>
    /// <exception cref="InvalidOperationException">The connection closed for good before the condition held.</exception>
    public async Task<CallDto> WaitForCallAsync(string callId, Func<CallDto, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(condition);
        var board = await WaitCoreAsync(
            b => b.Calls.TryGetValue(callId, out var call) && condition(call),
            timeout,
            cancellationToken,
            () => $"Timed out after {timeout} waiting for a condition on call {callId}. Last seen: {Describe(Board, callId)}");
        return board.Calls[callId];
    }

    private async Task<CallBoard> WaitCoreAsync(Func<CallBoard, bool> condition, TimeSpan timeout, CancellationToken cancellationToken, Func<string> timedOut)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return await _waiters.WaitAsync(condition, () => Board, timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{timedOut()} (connection {ConnectionState})", ex);
        }
    }

    private static string Describe(CallBoard board, string callId) =>
        board.Calls.TryGetValue(callId, out var call)
            ? JsonSerializer.Serialize(call, MessageJson)
            : $"(not on the board; {board})";
}
