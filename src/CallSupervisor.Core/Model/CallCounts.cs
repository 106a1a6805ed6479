namespace CallSupervisor.Core.Model;

/// <summary>
/// Aggregate figures of live calls, kept up to date by the store on every change (reading them costs nothing).
/// <see cref="CallsWaiting"/>: queued callers with no agent yet (and calls outside the queues with an invitation ringing
/// and nobody who accepted).
/// <see cref="CallsOnHold"/>: calls with someone on hold. <see cref="CallsWithMedia"/>: calls with media running.
/// Open invitations include those being cancelled; running media includes operations being cancelled.
/// </summary>
public readonly record struct CallCounts(
    int LiveCalls, int Participants, int PendingInvitations, int RunningMedia, int CallsWaiting = 0, int CallsOnHold = 0, int CallsWithMedia = 0)
{
    public static CallCounts operator +(CallCounts a, CallCounts b) => new(
        a.LiveCalls + b.LiveCalls,
        a.Participants + b.Participants,
        a.PendingInvitations + b.PendingInvitations,
        a.RunningMedia + b.RunningMedia,
        a.CallsWaiting + b.CallsWaiting,
        a.CallsOnHold + b.CallsOnHold,
        a.CallsWithMedia + b.CallsWithMedia);

    public static CallCounts operator -(CallCounts a, CallCounts b) => new(
        a.LiveCalls - b.LiveCalls,
        a.Participants - b.Participants,
        a.PendingInvitations - b.PendingInvitations,
        a.RunningMedia - b.RunningMedia,
        a.CallsWaiting - b.CallsWaiting,
        a.CallsOnHold - b.CallsOnHold,
        a.CallsWithMedia - b.CallsWithMedia);
}
