using System.Globalization;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// The benchmarks' busy dashboard (bench/…/Support/DashboardState.cs and EventFactory.cs), rebuilt here for the size
/// report: GUID-shaped ids, a phone caller and an 80-character ACS agent per call, every call with a roster, every
/// 10th with a ringing invitation, every 4th with a prompt running, every 3rd with a finished one, every 20th ended.
/// </summary>
internal sealed class BusyBoard
{
    private static readonly CommunicationIdentifier Supervisor = CommunicationIdentifier.TeamsUser(Guid(0x5e7, 3));
    private int _nextEventId;
    private DateTimeOffset _now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static CallStore Build(int calls)
    {
        var board = new BusyBoard();
        var store = new CallStore(new ManualTimeProvider(), new CallStoreOptions(TimeSpan.Zero));
        for (var call = 0; call < calls; call++)
        {
            board.ApplyAll(store, [board.Connected(call), board.Roster(call, 1)]);
        }
        for (var call = 0; call < calls; call++)
        {
            if (call % 10 == 0)
            {
                board.ApplyAll(store, [board.Invite(call, new InvitationId(Guid(call, 7)), "add-pending")]);
            }
            if (call % 4 == 0)
            {
                board.ApplyAll(store, [board.MediaStarted(call, new MediaOperationId("play-running"))]);
            }
            if (call % 3 == 0)
            {
                var done = new MediaOperationId("play-done");
                board.ApplyAll(store, [board.MediaStarted(call, done), board.MediaEnded(call, done)]);
            }
            if (call % 20 == 19)
            {
                board.ApplyAll(store, [new CallDisconnected(board.NextId(), CallIdOf(call), board.Tick(), new ResultInfo(0, 0, null))]);
            }
        }
        return store;
    }

    /// <summary>A roster as the benchmarks send it: caller and agent, the agent's mute flipping with the sequence.</summary>
    public static ParticipantsUpdated TypicalRoster() => new BusyBoard().Roster(42, 7);

    private static string Guid(int a, short b) =>
        new Guid(a, b, 0x4c1e, 0x9c, 0x3b, 0x5e, 0x2f, 0x1a, 0x0b, 0x3c, 0x4d).ToString();

    private static CallId CallIdOf(int call) => new(Guid(call, 0));

    private static CommunicationIdentifier CallerOf(int call) =>
        CommunicationIdentifier.Phone(string.Create(CultureInfo.InvariantCulture, $"+1425{call:D7}"));

    private static CommunicationIdentifier AgentOf(int call) =>
        CommunicationIdentifier.AcsUser($"8:acs:{Guid(0x0ac5, 1)}_{Guid(call % 500, 2)}");

    private CallConnected Connected(int call) =>
        new(NextId(), CallIdOf(call), Tick(), CallPlatform.Acs, $"server-{CallIdOf(call)}", $"corr-{CallIdOf(call)}", CallerOf(call), AgentOf(call));

    private ParticipantsUpdated Roster(int call, int sequence) =>
        new(NextId(), CallIdOf(call), Tick(), sequence,
            [new ParticipantState(CallerOf(call), false, false), new ParticipantState(AgentOf(call), sequence % 2 == 0, false)]);

    private MediaOperationStarted MediaStarted(int call, MediaOperationId id) =>
        new(NextId(), CallIdOf(call), Tick(), id, MediaKind.Play, "hold music");

    private MediaOperationEnded MediaEnded(int call, MediaOperationId id) =>
        new(NextId(), CallIdOf(call), Tick(), id, MediaKind.Play, MediaStatus.Completed, new ResultInfo(200, 0, "Action completed successfully."));

    private InvitationRequested Invite(int call, InvitationId id, string operationContext) =>
        new(NextId(), CallIdOf(call), Tick(), id, Supervisor, operationContext, TimeSpan.FromSeconds(30));

    private void ApplyAll(CallStore store, IEnumerable<CallEvent> events)
    {
        foreach (var callEvent in events)
        {
            var outcome = store.Apply(callEvent);
            Assert.True(outcome.IsApplied, $"{callEvent.GetType().Name} was {outcome.Status}: {outcome.Reason}");
        }
    }

    private string NextId() => Guid(++_nextEventId, 1);

    private DateTimeOffset Tick() => _now = _now.AddMilliseconds(10);
}
