using CallSupervisor.Contracts;

namespace CallSupervisor.Client.Tests;

/// <summary>Hub messages as the server would send them, reduced to what the tests look at.</summary>
internal static class Wire
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static CallDto Call(string callId, string state = "Connected") => new(
        callId, "Acs", state, Caller: null, Callee: null, Start, EndedAt: null, NeedsReconcile: false,
        Participants: [], Invitations: [], MediaOperations: []);

    public static CallCountsDto Counts(int liveCalls) => new(liveCalls, 0, 0, 0);

    public static CallsSnapshotDto Snapshot(long version, params CallDto[] calls) => new(version, Counts(calls.Length), calls);

    public static CallsChangedDto Changed(long version, params CallDto[] changed) => new(version, Counts(changed.Length), changed, []);

    public static CallsChangedDto Removed(long version, params string[] removed) => new(version, Counts(0), [], removed);
}
