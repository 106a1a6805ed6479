using System.Text.Json;
using CallSupervisor.Client.Internal;
using CallSupervisor.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Client;

/// <summary>
/// A typed client of the app's calls hub (<c>/hubs/calls</c>): follows the live calls as an immutable
/// <see cref="CallBoard"/> (merged by <see cref="CallBoardMerger"/>'s version rule, rebuilt from a fresh snapshot
/// after every reconnect), lets a caller wait for a condition on it, and runs supervisor actions (<see cref="ExecuteAsync"/>).
/// </summary>
public sealed partial class CallsHubClient : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web);

    private readonly HubConnection _connection;
    private readonly CallBoardMerger _merger;
    private readonly BoardWaiters _waiters = new();
    private volatile bool _disposed;

    private CallsHubClient(HubConnection connection, CallBoardMerger merger)
    {
        _connection = connection;
        _merger = merger;
        connection.On<CallsSnapshotDto>(CallsHubContract.SnapshotMessage, snapshot => Publish(_merger.ApplySnapshot(snapshot)));
        connection.On<CallsChangedDto>(CallsHubContract.ChangedMessage, batch => Publish(_merger.ApplyChanged(batch)));
        connection.On<FiguresDto>(CallsHubContract.FiguresMessage, figures =>
        {
            Figures = figures;
            FiguresChanged?.Invoke(this, figures);
        });
        connection.Reconnecting += _ => RaiseConnectionStateChanged(HubConnectionState.Reconnecting);
        connection.Reconnected += _ => RaiseConnectionStateChanged(HubConnectionState.Connected);
        connection.Closed += error =>
        {
            _waiters.Close(new InvalidOperationException("The connection to the calls hub is closed and will not reconnect.", error));
            return RaiseConnectionStateChanged(HubConnectionState.Disconnected);
        };
    }

    /// <summary>The latest board. Immutable: keep it as long as needed; a newer board replaces it here.</summary>
    public CallBoard Board => _merger.Board;

    /// <summary>
    /// Raised with the new board after each snapshot or applied batch, on the connection's message thread:
    /// return quickly (copy the board or hand it to your UI thread) — the next message waits for the handler.
    /// </summary>
    public event EventHandler<CallBoard>? BoardChanged;

    /// <summary>The day's figures as the server pushed them last (null until the first push after connecting).</summary>
    public FiguresDto? Figures { get; private set; }

    /// <summary>Raised with each push of the day's figures, on the connection's message thread (return quickly).</summary>
    public event EventHandler<FiguresDto>? FiguresChanged;

    /// <summary>The underlying connection's state (connected, reconnecting, disconnected).</summary>
    public HubConnectionState ConnectionState => _connection.State;

    /// <summary>Raised when the connection starts reconnecting, is connected again, or is closed for good.</summary>
    public event EventHandler<HubConnectionState>? ConnectionStateChanged;

    /// <summary>The server's id of the current connection (a new one after each reconnect); null when not connected.</summary>
    public string? ConnectionId => _connection.ConnectionId;

    /// <summary>
    /// Connects to the calls hub of the app at <paramref name="appBaseAddress"/> (e.g. <c>https://supervisor.example.com/</c>)
    /// and returns once the first snapshot is on the <see cref="Board"/> (or its first part, see
    /// <see cref="CallsHubClientOptions.WaitForWholeSnapshot"/>).
    /// </summary>
    /// <exception cref="TimeoutException">No snapshot arrived within <see cref="CallsHubClientOptions.SnapshotTimeout"/>.</exception>
    public static async Task<CallsHubClient> ConnectAsync(Uri appBaseAddress, CallsHubClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var hubAddress = HubAddress.For(appBaseAddress);
        options ??= new CallsHubClientOptions();
        var merger = new CallBoardMerger();
        var client = new CallsHubClient(HubConnectionSetup.CreateBuilder(hubAddress, options, merger).Build(), merger);
        try
        {
            await client._connection.StartAsync(cancellationToken);
            await client.WaitCoreAsync(
                board => board.SnapshotsApplied > 0 || (!options.WaitForWholeSnapshot && board.IsPartial),
                options.SnapshotTimeout,
                cancellationToken,
                () => $"Connected to {hubAddress}, but no snapshot arrived within {options.SnapshotTimeout}.");
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        return client;
    }

    /// <summary>
    /// Runs a supervisor action: <paramref name="kind"/> (e.g. <c>Mute</c>, <c>Hold</c>, <c>Transfer</c>; the kinds a
    /// call, participant or invitation lists in its <c>Actions</c>) on <paramref name="target"/> of the call (a
    /// participant's raw id, an invitation id, an agent id, or empty for the call), with <paramref name="arguments"/>
    /// where it needs them (a transfer's <c>to</c>; an agent's <c>state</c>, <c>reason</c>). The result says whether the
    /// request was accepted, refused or failed.
    /// </summary>
    /// <remarks>
    /// The effect shows up later on the board (the call's <c>PendingActions</c> meanwhile), once ACS confirms it. If the
    /// connection is lost before the result arrives the task fails, yet the server may have carried the action out:
    /// the board tells.
    /// </remarks>
    public Task<CommandResultDto> ExecuteAsync(string kind, string callId, string target = "", IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(callId);
        ArgumentNullException.ThrowIfNull(target);
        return _connection.InvokeAsync<CommandResultDto>(
            CallsHubContract.Execute, kind, callId, target, arguments ?? new Dictionary<string, string>(), cancellationToken);
    }

    /// <summary>Closes the connection; pending waits fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _waiters.Close(new ObjectDisposedException(nameof(CallsHubClient)));
        await _connection.DisposeAsync();
    }

    private void Publish(MergeResult result)
    {
        if (!result.Changed)
        {
            return;
        }
        // Waits first: a throwing event handler must not keep a satisfied wait from completing.
        _waiters.Notify(result.Board);
        BoardChanged?.Invoke(this, result.Board);
    }

    private Task RaiseConnectionStateChanged(HubConnectionState state)
    {
        ConnectionStateChanged?.Invoke(this, state);
        return Task.CompletedTask;
    }
}
