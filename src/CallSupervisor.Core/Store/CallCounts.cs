namespace CallSupervisor.Core.Store;

/// <summary>Aggregate figures for the dashboard header. Open invitations include those being cancelled; active
/// media includes operations being cancelled.</summary>
public readonly record struct CallCounts(int LiveCalls, int Participants, int PendingInvitations, int RunningMedia)
{
    public static CallCounts operator +(CallCounts a, CallCounts b) => new(
        a.LiveCalls + b.LiveCalls,
        a.Participants + b.Participants,
        a.PendingInvitations + b.PendingInvitations,
        a.RunningMedia + b.RunningMedia);

    public static CallCounts operator -(CallCounts a, CallCounts b) => new(
        a.LiveCalls - b.LiveCalls,
        a.Participants - b.Participants,
        a.PendingInvitations - b.PendingInvitations,
        a.RunningMedia - b.RunningMedia);
}
