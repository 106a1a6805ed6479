using StackExchange.Redis;
using CallSupervisor.Board.EventLog;

namespace CallSupervisor.Board.Replication;

/// <summary>
/// Which instance does the work that must happen once, not once per instance: re-reading calls from ACS, expiring
/// what ACS left open, and writing checkpoints.
/// </summary>
public interface ILeadership
{
    bool IsLeader { get; }
}

/// <summary>Alone, this instance is always the one.</summary>
public sealed class SingleInstanceLeadership : ILeadership
{
    public bool IsLeader => true;
}

/// <summary>
/// A lease in Redis (SET NX with an expiry, renewed by its holder): whoever holds it leads; when the holder stops
/// renewing (killed, cut off from Redis) the lease runs out and another instance takes it.
/// </summary>
public sealed partial class RedisLeadership(IConnectionMultiplexer redis, RedisOptions options, string instance, TimeProvider time, ILogger<RedisLeadership> logger)
    : BackgroundService, ILeadership
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(5);
    private readonly RedisKey _key = options.KeyPrefix + "leader";
    private volatile bool _leader;

    public bool IsLeader => _leader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var db = redis.GetDatabase();
                var held = _leader
                    ? await db.LockExtendAsync(_key, instance, Lease).ConfigureAwait(false)
                    : await db.LockTakeAsync(_key, instance, Lease).ConfigureAwait(false);
                if (held != _leader)
                {
                    LogLeadership(instance, held);
                }
                _leader = held;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Cut off from Redis: someone else may take the lease once it runs out; stop acting as leader now.
                _leader = false;
            }
            try
            {
                await Task.Delay(Renew, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        if (_leader)
        {
            try
            {
                await redis.GetDatabase().LockReleaseAsync(_key, instance).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // It runs out by itself.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} leads the shared maintenance: {Leads}")]
    private partial void LogLeadership(string instance, bool leads);
}
