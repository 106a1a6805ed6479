using System.Threading.Channels;
using CallSupervisor.Core.Audit;

namespace CallSupervisor.Audit.Writing;

/// <summary>An update waiting to be written, with the attempts made so far (see <see cref="AuditWriter"/>).</summary>
internal sealed record QueuedUpdate(AuditUpdate Update, int Attempt = 0);

/// <summary>
/// The bounded queue between <see cref="EfAuditTrail.Update"/> (never blocks: it runs inside the call store's
/// lock) and the one background writer.
/// </summary>
internal sealed class AuditUpdateQueue(int capacity)
{
    private readonly Channel<QueuedUpdate> _channel = Channel.CreateBounded<QueuedUpdate>(new BoundedChannelOptions(capacity)
    {
        // With Wait, TryWrite answers false when full instead of dropping an item unseen.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public int Capacity { get; } = capacity;

    public int Count => _channel.Reader.Count;

    public bool TryWrite(QueuedUpdate update) => _channel.Writer.TryWrite(update);

    public ChannelReader<QueuedUpdate> Reader => _channel.Reader;
}
