namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>The scenario the restore tests replay does what it says, so they test what they claim to.</summary>
public sealed class EventLogScenarioTests
{
    [Fact]
    public void Scenario_Applied_HasEveryKindOfOutcomeAndState()
    {
        var store = EventLogScenario.NewStore();

        var outcomes = EventLogScenario.Events().Select(store.Apply).ToList();

        Assert.Equal(
            [ApplyStatus.Applied, ApplyStatus.Duplicate, ApplyStatus.Stale, ApplyStatus.Ignored],
            outcomes.Select(o => o.Status).Distinct().Order());
        Assert.True(outcomes.Count(o => o.IsApplied) >= 30, string.Join("\n", outcomes));
        var calls = store.Current.Calls.Values.ToList();
        Assert.Equal(4, calls.Count);
        Assert.Equal(2, calls.Count(c => !c.IsLive));
        Assert.Contains(calls, c => c.Invitations.Values.Any(i => i.LastResult?.Code == 486));
        Assert.Contains(calls, c => c.Invitations.Values.Any(i => i.CancelLostRace));
        Assert.Contains(calls, c => c.Invitations.Values.Any(i => i.Status == Core.Identifiers.InvitationStatus.Cancelled && i.CancelRequest is not null));
        Assert.Contains(calls, c => c.Invitations.Values.Any(i => i.Status == Core.Identifiers.InvitationStatus.TimedOut));
        Assert.Contains(calls, c => c.MediaOperations.Values.Any(m => m.Status == Core.Identifiers.MediaStatus.Expired));
        Assert.Contains(calls, c => c.MediaOperations.Values.Any(m => m.CancelRequest is not null));
        Assert.Contains(calls, c => c.Names.Count > 0);
        Assert.Equal(
            [CallSupervisor.Core.Model.ActionResult.Confirmed, CallSupervisor.Core.Model.ActionResult.Failed, CallSupervisor.Core.Model.ActionResult.Overtaken, CallSupervisor.Core.Model.ActionResult.NotConfirmed, CallSupervisor.Core.Model.ActionResult.CallEnded],
            calls.SelectMany(c => c.ActionOutcomes).Select(o => o.Result).Distinct().Order());
        Assert.Contains(calls, c => c.IsLive && c.MediaOperations.Values.Any(m => m.IsActive));
        Assert.Contains(calls, c => c.Participants.Values.Any(p => p.IsOnHold && p.OnHoldSince is not null));
        Assert.Contains(calls, c => c.EndResult is not null);
    }
}
