using System.Diagnostics;
using System.Runtime.CompilerServices;
using CallSupervisor.Core.Diagnostics;
using System.Threading.Channels;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.EventLog;
using Microsoft.Data.Sqlite;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// The embedded event log: a SQLite event log next to the audit database (one instance, nothing to install). Appends
/// are group-committed — whatever is waiting goes in one transaction — so a burst of callbacks costs one disk flush,
/// and an append returns only once its transaction is committed. WAL with synchronous=NORMAL survives a crash of the
/// process (not of the machine's power). The checkpoint lives in the same file; saving one trims the event log before
/// it. What this process appended is handed to its reader from memory once committed (<see cref="_recent"/>), so the
/// replica does not read back and parse what it has just written; older or foreign records come from the file.
/// </summary>
public sealed partial class SqliteEventLog : IEventLog, ICheckpointStore, IEventLogProbe, IAsyncDisposable
{
    private const int MaxBatch = 2048;
    private const int MaxRecent = 8192;
    private readonly string _connectionString;
    private readonly string _origin;
    private readonly ILogger<SqliteEventLog> _logger;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _writer;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Committed events by sequence number, with the trace context of their append, until the reader takes them
    // (bounded: a reader far behind reads the file, and a record read from the file has no trace context).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (CallEvent Event, ActivityContext Context)> _recent = new();

    public SqliteEventLog(string path, string origin, ILogger<SqliteEventLog> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _origin = origin;
        _logger = logger;
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS journal (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    origin TEXT NOT NULL,
                    body TEXT NOT NULL,
                    at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS checkpoint (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    position TEXT NOT NULL,
                    state BLOB NOT NULL,
                    at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS probe (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    at INTEGER NOT NULL);
                """);
        }
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task<string> AppendAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Nothing to append.", nameof(events));
        }
        // The span covers the wait for the group commit too: what an acknowledgement waits for. Its context travels with
        // the records to the replica's apply (in memory: the embedded log's reader is this process).
        using var activity = Telemetry.Source.StartActivity("eventlog.append");
        activity?.SetTag(TelemetryTags.DbSystem, "sqlite").SetTag(TelemetryTags.EventCount, events.Count);
        // Serialized here, on the caller's thread, so the one writer only writes.
        var bodies = events.Select(EventJson.Serialize).ToArray();
        var pending = new PendingAppend([.. events], bodies, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously))
        {
            Context = activity?.Context ?? default,
        };
        if (!_appends.Writer.TryWrite(pending))
        {
            throw new EventLogUnavailableException("The event log is closed.");
        }
        // Not cancelled once queued: the caller may go, the append still happens (and is then applied).
        var position = await pending.Done.Task.ConfigureAwait(false);
        activity?.SetTag(TelemetryTags.Position, position);
        return position;
    }

    public async IAsyncEnumerable<LogRecord> ReadAsync(string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = after is null ? 0 : long.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Taken before the query: an append committed after it wakes the next wait.
            var appended = Volatile.Read(ref _appended).Task;
            var read = 0;
            foreach (var record in ReadBatch(position))
            {
                position = long.Parse(record.Position, System.Globalization.CultureInfo.InvariantCulture);
                read++;
                yield return record;
            }
            if (read == 0)
            {
                await appended.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public Task<string?> LastPositionAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(seq) FROM journal";
        return Task.FromResult(command.ExecuteScalar() is long last ? last.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, state, at FROM checkpoint WHERE id = 1";
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new Checkpoint(reader.GetString(0), (byte[])reader.GetValue(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : null);
    }

    public Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var save = connection.CreateCommand())
        {
            save.Transaction = transaction;
            save.CommandText = "INSERT OR REPLACE INTO checkpoint (id, position, state, at) VALUES (1, $position, $state, $at)";
            save.Parameters.AddWithValue("$position", checkpoint.Position);
            save.Parameters.AddWithValue("$state", checkpoint.State);
            save.Parameters.AddWithValue("$at", checkpoint.At.ToUnixTimeMilliseconds());
            save.ExecuteNonQuery();
        }
        using (var trim = connection.CreateCommand())
        {
            // The checkpoint holds everything up to its position: the event log before it is history.
            trim.Transaction = transaction;
            trim.CommandText = "DELETE FROM journal WHERE seq <= $position";
            trim.Parameters.AddWithValue("$position", long.Parse(checkpoint.Position, System.Globalization.CultureInfo.InvariantCulture));
            trim.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A committed write of one row beside the event log (a page of the WAL, as an append needs), on its own connection:
    /// whether the event log takes writes now, without adding a record.
    /// </summary>
    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = Open();
            using var probe = connection.CreateCommand();
            probe.CommandText = "INSERT OR REPLACE INTO probe (id, at) VALUES (1, $at)";
            probe.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            probe.ExecuteNonQuery();
            return Task.CompletedTask;
        }
        catch (SqliteException ex)
        {
            throw new EventLogUnavailableException("The event log could not be written: " + ex.Message, ex);
        }
    }

    /// <summary>Records in the event log now (diagnostics and tests).</summary>
    public long Count()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)command.ExecuteScalar()!;
    }

    private IEnumerable<LogRecord> ReadBatch(long after)
    {
        if (_recent.TryRemove(after + 1, out var first))
        {
            var records = new List<LogRecord> { Record(after + 1, first.Event, first.Context) };
            for (var seq = after + 2; records.Count < 1000 && _recent.TryRemove(seq, out var next); seq++)
            {
                records.Add(Record(seq, next.Event, next.Context));
            }
            return records;
        }
        var read = ReadFile(after);
        if (!_recent.IsEmpty && read.Count > 0)
        {
            // Read from the file instead (the reader was behind, or a commit had not handed them over yet): drop them.
            var upTo = long.Parse(read[^1].Position, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var seq in _recent.Keys.Where(k => k <= upTo))
            {
                _recent.TryRemove(seq, out _);
            }
        }
        return read;
    }

    private LogRecord Record(long seq, CallEvent callEvent, ActivityContext context) =>
        new(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), _origin, callEvent) { Context = context };

    private List<LogRecord> ReadFile(long after)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, origin, body FROM journal WHERE seq > $after ORDER BY seq LIMIT 1000";
        command.Parameters.AddWithValue("$after", after);
        using var reader = command.ExecuteReader();
        var records = new List<LogRecord>();
        while (reader.Read())
        {
            records.Add(new LogRecord(
                reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(1),
                EventJson.Deserialize(reader.GetString(2))));
        }
        return records;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        try
        {
            while (await _appends.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                batch.Clear();
                var events = 0;
                while (events < MaxBatch && _appends.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    events += next.Bodies.Length;
                }
                Commit(batch);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        finally
        {
            CloseWriter();
        }
        while (_appends.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(new EventLogUnavailableException("The event log was closed before the append."));
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        try
        {
            var (connection, insert) = _writerCommand ?? OpenWriter();
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            var body = insert.Parameters["$body"];
            insert.Parameters["$at"].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var last = new string[batch.Count];
            var committed = new List<(long Seq, CallEvent Event, ActivityContext Context)>();
            for (var i = 0; i < batch.Count; i++)
            {
                for (var j = 0; j < batch[i].Bodies.Length; j++)
                {
                    body.Value = batch[i].Bodies[j];
                    var seq = (long)insert.ExecuteScalar()!;
                    last[i] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    committed.Add((seq, batch[i].Events[j], batch[i].Context));
                }
            }
            transaction.Commit();
            foreach (var (seq, callEvent, context) in committed)
            {
                if (_recent.Count >= MaxRecent)
                {
                    break;
                }
                _recent[seq] = (callEvent, context);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(last[i]);
            }
            Interlocked.Exchange(ref _appended, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        catch (SqliteException ex)
        {
            // Opened afresh for the next batch: a failed connection is not trusted again.
            CloseWriter();
            LogAppendFailed(ex, batch.Sum(b => b.Bodies.Length));
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new EventLogUnavailableException("The event log could not be written: " + ex.Message, ex));
            }
        }
    }

    // The writer's own connection and prepared insert, kept for the writer's life: opening a connection and
    // preparing the statement for every group commit cost about as much as the commit itself.
    private (SqliteConnection Connection, SqliteCommand Insert)? _writerCommand;

    private (SqliteConnection, SqliteCommand) OpenWriter()
    {
        var connection = Open();
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO journal (origin, body, at) VALUES ($origin, $body, $at) RETURNING seq";
        insert.Parameters.Add("$origin", SqliteType.Text).Value = _origin;
        insert.Parameters.Add("$body", SqliteType.Text);
        insert.Parameters.Add("$at", SqliteType.Integer);
        insert.Prepare();
        _writerCommand = (connection, insert);
        return (connection, insert);
    }

    private void CloseWriter()
    {
        if (_writerCommand is var (connection, insert))
        {
            insert.Dispose();
            connection.Dispose();
            _writerCommand = null;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The WAL is checkpointed by SQLite itself after a commit that leaves it past wal_autocheckpoint pages (one
        // long-lived writer, short reads: it is reset then), but the file keeps its largest size unless told otherwise:
        // a smaller automatic checkpoint and a size limit keep the event log's -wal near 1 MB (measured 4.2 MB before).
        Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 256; PRAGMA journal_size_limit = 1048576;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        // What is queued is still written (the channel completes once drained); only a stuck disk is given up on.
        _appends.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _writer.ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    private sealed record PendingAppend(CallEvent[] Events, string[] Bodies, TaskCompletionSource<string> Done)
    {
        public ActivityContext Context { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} events to the event log failed")]
    private partial void LogAppendFailed(Exception exception, int count);
}
