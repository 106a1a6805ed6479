using System.Collections.Concurrent;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Keeps what the executor reports to operators.</summary>
public sealed class RecordingActionLog : IActionLog
{
    public ConcurrentQueue<(string Reason, Exception Exception)> Unaudited { get; } = new();

    public ConcurrentQueue<(string ActorId, int Refused)> Bursts { get; } = new();

    public void RefusalNotAudited(ActionRequest command, string reason, Exception exception) => Unaudited.Enqueue((reason, exception));

    public void RateLimited(Actor actor, int refused, DateTimeOffset from, DateTimeOffset to) => Bursts.Enqueue((actor.Id, refused));
}
