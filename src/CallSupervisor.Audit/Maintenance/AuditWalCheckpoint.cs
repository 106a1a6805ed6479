using System.Threading.Channels;
using CallSupervisor.Audit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Audit.Maintenance;

/// <summary>
/// Keeps the SQLite write-ahead log small while the app runs. SQLite's automatic checkpoint is passive: it copies
/// pages back into the database only up to the oldest snapshot still being read, and it never shortens the -wal file.
/// Every commit appends a whole copy of each page it touched — for a new row the table page, the AUTOINCREMENT counter
/// and six index pages, some 30–40 KB — so with the audit page and exports reading while actions are written the log
/// kept growing. After every <see cref="CommitsPerCheckpoint"/> commits, and at least every <see cref="Interval"/>,
/// this runs <c>wal_checkpoint(TRUNCATE)</c> in the background, which copies everything into the database and empties
/// the log. SQLite lets it finish only in a moment when no other connection is writing, and with actions recorded on
/// one connection while updates are written on another such a moment rarely comes under load (a checkpoint then waited
/// for hundreds of rows): so writes pass through <see cref="BeginWriteAsync"/>, and while a checkpoint runs — the
/// pages of a few dozen commits, milliseconds — new writes wait for it and it waits for those under way. A checkpoint
/// a long read holds back is tried again at the next turn. PostgreSQL needs none of this: the loop ends at once there.
/// </summary>
internal sealed partial class AuditWalCheckpoint(
    IDbContextFactory<AuditDbContext> contexts,
    TimeProvider time,
    ILogger<AuditWalCheckpoint> logger) : BackgroundService
{
    internal const int CommitsPerCheckpoint = 16;

    // Past this many commits without a checkpoint (the background loop is late on a busy machine), writes wait for it.
    private const int MaxCommitsBehind = 4 * CommitsPerCheckpoint;
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    private int _commits;
    private int _heldBack;
    private int _writing;
    private bool _loopRunning;
    private TaskCompletionSource? _checkpointing;
    private TaskCompletionSource? _drained;
    private TaskCompletionSource _checkpointed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Enter before a write (dispose the result after its commit): waits while a checkpoint runs.</summary>
    public async ValueTask<Writing> BeginWriteAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task running;
            lock (_lock)
            {
                // Only while checkpoints succeed: one that a reader keeps holding back must not stop the audit trail.
                if (_checkpointing is null && Volatile.Read(ref _commits) >= MaxCommitsBehind && _loopRunning && Volatile.Read(ref _heldBack) == 0)
                {
                    running = _checkpointed.Task;
                }
                else if (_checkpointing is null)
                {
                    _writing++;
                    return new Writing(this);
                }
                else
                {
                    running = _checkpointing.Task;
                }
            }
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void EndWrite()
    {
        lock (_lock)
        {
            if (--_writing == 0)
            {
                _drained?.TrySetResult();
            }
        }
        Committed();
    }

    /// <summary>A write under way; disposing it ends the write and counts its commit.</summary>
    public readonly struct Writing(AuditWalCheckpoint owner) : IDisposable
    {
        public void Dispose() => owner?.EndWrite();
    }

    private void Committed()
    {
        if (Interlocked.Increment(ref _commits) >= CommitsPerCheckpoint)
        {
            _due.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var probe = await contexts.CreateDbContextAsync(stoppingToken).ConfigureAwait(false);
        await using (probe.ConfigureAwait(false))
        {
            if (!probe.Database.IsSqlite())
            {
                return;
            }
        }
        lock (_lock)
        {
            _loopRunning = true;
        }
        try
        {
            while (true)
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    // Held back last time: try again soon rather than at the next signal.
                    var retrySoon = Volatile.Read(ref _heldBack) > 0 && Volatile.Read(ref _commits) >= CommitsPerCheckpoint;
                    var due = _due.Reader.WaitToReadAsync(wait.Token).AsTask();
                    await Task.WhenAny(due, Task.Delay(retrySoon ? RetryDelay : Interval, time, wait.Token)).ConfigureAwait(false);
                    await wait.CancelAsync().ConfigureAwait(false);
                }
                stoppingToken.ThrowIfCancellationRequested();
                _due.Reader.TryRead(out _);
                await CheckpointExclusivelyAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: closing the last connection checkpoints the log anyway.
        }
        finally
        {
            // Nobody checkpoints any more: release writes that wait for it, and let later ones through.
            lock (_lock)
            {
                _loopRunning = false;
                _checkpointed.TrySetResult();
            }
        }
    }

    private async Task CheckpointExclusivelyAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            _checkpointing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_writing == 0)
            {
                _drained.TrySetResult();
            }
            drained = _drained.Task;
        }
        try
        {
            // A write that hangs (a disk that stopped answering) must not stop every other write: go ahead after a while.
            await drained.WaitAsync(TimeSpan.FromSeconds(5), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock)
            {
                _checkpointing.TrySetResult();
                _checkpointing = null;
                _drained = null;
                _checkpointed.TrySetResult();
                _checkpointed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var connection = context.Database.GetDbConnection();
                await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    // TRUNCATE waits for readers on older snapshots; without a busy timeout (Microsoft.Data.Sqlite sets
                    // none) it would give up at once whenever a page is being read.
                    command.CommandText = "PRAGMA busy_timeout = 5000;";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        // One row: busy (1 when a reader or writer kept it from finishing), pages in the log, pages copied.
                        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) != 0)
                        {
                            // Once is normal (a page was being read); again and again means something keeps a read open.
                            var heldBack = Interlocked.Increment(ref _heldBack);
                            if (heldBack >= 3)
                            {
                                LogHeldBack(heldBack, reader.GetInt64(1), reader.GetInt64(2));
                            }
                            return;
                        }
                    }
                }
                // Writes wait while this runs, so nothing was committed since it began.
                Interlocked.Exchange(ref _commits, 0);
                Interlocked.Exchange(ref _heldBack, 0);
                LogDone();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next turn tries again; the log only grows meanwhile.
            LogFailed(ex, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit WAL checkpoint held back by a reader ({Times} times in a row): {Pages} pages in the log, {Copied} copied; trying again shortly")]
    private partial void LogHeldBack(int times, long pages, long copied);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit WAL checkpointed")]
    private partial void LogDone();

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit WAL checkpoint failed ({Reason}); trying again shortly")]
    private partial void LogFailed(Exception ex, string reason);
}
