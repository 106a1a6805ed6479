using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CallSupervisor.Core.Feeds;

/// <summary>
/// Holds an immutable state and fans its changes out to subscribers (the pattern of the Aspire Dashboard's
/// telemetry repository): one unbounded channel per subscriber, written under the feed's lock so every
/// subscriber sees changes in the same order, read by exactly one consumer.
/// Batching happens at the source, on the leading edge: a change to an idle subscriber is delivered at once, and
/// the next delivery comes no sooner than <c>batchWindow</c> after the previous one, with everything queued
/// meanwhile. A lone change never waits; a burst becomes one delivery per window instead of one render per event.
/// </summary>
public sealed class StateFeed<TState, TChange>
    where TState : class
{
    private readonly Lock _gate = new();
    private readonly List<Channel<Entry>> _subscribers = [];
    private readonly TimeSpan _batchWindow;
    private readonly TimeProvider _time;
    private TState _state;
    private long _version;

    /// <remarks>
    /// <c>initialVersion</c> is the version of <c>initial</c>: 0 for a fresh state, the recorded version for a
    /// restored one, so versions keep increasing across a restart instead of starting again.
    /// </remarks>
    public StateFeed(TState initial, TimeSpan batchWindow, TimeProvider? time = null, long initialVersion = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialVersion);
        _state = initial;
        _version = initialVersion;
        _batchWindow = batchWindow;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The newest state; safe to read from any thread (immutable).</summary>
    public TState Current => Volatile.Read(ref _state);

    /// <summary>Version of <see cref="Current"/>; increases by one for every published change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Number of live subscriptions (for tests and diagnostics).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="update"/> atomically. It returns the new state and the changes to announce;
    /// returning no changes means nothing happened (e.g. a duplicate) and nothing is published.
    /// </summary>
    public TResult Update<TResult>(Func<TState, (TState State, ImmutableArray<TChange> Changes, TResult Result)> update)
    {
        lock (_gate)
        {
            var (state, changes, result) = update(_state);
            if (changes.IsDefaultOrEmpty)
            {
                return result;
            }
            Volatile.Write(ref _state, state);
            var version = Interlocked.Increment(ref _version);
            // The span the change was made in (the apply of an event), when it is sampled: the subscriber's push or
            // render of the batch links to it. A struct copy, nothing allocated; default without tracing.
            var entry = new Entry(version, state, changes, Activity.Current is { Recorded: true } current ? current.Context : default);
            foreach (var channel in _subscribers)
            {
                // Unbounded: TryWrite only fails once the channel is completed, i.e. the reader has gone.
                channel.Writer.TryWrite(entry);
            }
            return result;
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> under the update lock with the state and its version: it sees them, and whatever
    /// the updates keep beside the state, at one moment between two updates.
    /// </summary>
    public TResult Read<TResult>(Func<TState, long, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_state, _version);
        }
    }

    /// <summary>
    /// Subscribes: the current state now, and every later change batch until cancelled. <paramref name="batchWindow"/>
    /// overrides the feed's window for this subscriber; zero coalesces only what arrives while the subscriber is busy
    /// with the previous batch (a push that costs little can follow the changes closely).
    /// </summary>
    public FeedSubscription<TState, TChange> Subscribe(CancellationToken cancellationToken, TimeSpan? batchWindow = null)
    {
        var window = batchWindow ?? _batchWindow;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(batchWindow));
        var channel = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        lock (_gate)
        {
            _subscribers.Add(channel);
            // An async iterator's finally only runs once enumeration has started. A subscriber that takes the
            // snapshot and never enumerates (e.g. a prerendered component) is removed when its token fires.
            cancellationToken.Register(static state =>
            {
                var (feed, ch) = ((StateFeed<TState, TChange>, Channel<Entry>))state!;
                feed.Remove(ch);
            }, (this, channel));
            return new FeedSubscription<TState, TChange>(_version, _state, ReadAsync(channel, window, cancellationToken));
        }
    }

    private void Remove(Channel<Entry> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    private async IAsyncEnumerable<FeedBatch<TState, TChange>> ReadAsync(
        Channel<Entry> channel,
        TimeSpan window,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DateTimeOffset? delivered = null;
        try
        {
            while (await WaitAsync(channel.Reader, cancellationToken).ConfigureAwait(false))
            {
                // The window runs from the previous delivery (the consumer's own work counts towards it). The wall
                // clock, not a timestamp, so a test's manual clock drives it; a clock set back waits one window at most.
                if (delivered is { } previous && _time.GetUtcNow() - previous is var since && since < window)
                {
                    await DelayAsync(since < TimeSpan.Zero ? window : window - since, cancellationToken).ConfigureAwait(false);
                }
                var changes = ImmutableArray.CreateBuilder<TChange>();
                ImmutableArray<ActivityContext>.Builder? traces = null;
                Entry? last = null;
                while (channel.Reader.TryRead(out var entry))
                {
                    changes.AddRange(entry.Changes);
                    if (entry.Trace != default && (traces is null || traces[^1] != entry.Trace))
                    {
                        // One event can make several entries (a call and the agents): linked once.
                        (traces ??= ImmutableArray.CreateBuilder<ActivityContext>()).Add(entry.Trace);
                    }
                    last = entry;
                }
                if (last is not null)
                {
                    yield return new FeedBatch<TState, TChange>(last.Version, last.State, changes.ToImmutable())
                    {
                        Traces = traces?.ToImmutable() ?? default,
                    };
                    delivered = _time.GetUtcNow();
                }
            }
        }
        finally
        {
            Remove(channel);
        }
    }

    private static async ValueTask<bool> WaitAsync(ChannelReader<Entry> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is the normal way a subscriber leaves: end the stream instead of throwing.
            return false;
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliver what is queued; the next WaitAsync ends the stream.
        }
    }

    private sealed record Entry(long Version, TState State, ImmutableArray<TChange> Changes, ActivityContext Trace);
}
