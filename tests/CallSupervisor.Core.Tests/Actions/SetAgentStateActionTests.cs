using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Audit;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>A supervisor sets an agent's state: applied at once as the agent's own event, audited, never sent to ACS.</summary>
public sealed class SetAgentStateActionTests : IDisposable
{
    private readonly ActionBoard _board = new();

    public void Dispose() => _board.Dispose();

    private Task<ActionReceipt> Set(string agentId, string state, string? reason = null, Actor? actor = null) =>
        reason is null
            ? _board.Run(ActionKind.SetAgentState, agentId, actor, (SetAgentStateAction.StateArgument, state))
            : _board.Run(ActionKind.SetAgentState, agentId, actor, (SetAgentStateAction.StateArgument, state), (SetAgentStateAction.ReasonArgument, reason));

    [Fact]
    public async Task SetAgentState_AwayWithAReason_AppliedAuditedAndCreditedToTheSupervisor()
    {
        var receipt = await Set("ben", "away", " Lunch ");

        Assert.Equal(ActionReceipt.Accepted("State change of agent ben: Away (Lunch) done", receipt.OperationContext!), receipt);
        var ben = _board.Agent("ben");
        Assert.Equal((AgentPresence.Away, "Lunch", AgentState.Away), (ben.Presence, ben.Reason, ben.State));
        var entry = Assert.Single(_board.Audit.Entries);
        Assert.Equal((AuditStatus.Confirmed, ActionKind.SetAgentState, "ben", "sam"), (entry.Status, entry.Record.Action, entry.Record.Target, entry.Record.ActorName));
        Assert.Empty(_board.Acs.Requests);
    }

    [Fact]
    public async Task SetAgentState_Offline_SignedOutWithTheDefaultReason()
    {
        await Set("ben", "Offline");

        Assert.Equal((AgentPresence.Offline, "Signed out by a supervisor"), (_board.Agent("ben").Presence, _board.Agent("ben").Reason));
    }

    [Fact]
    public async Task SetAgentState_AvailableAfterAway_AvailableAgainAndOfferedCalls()
    {
        await Set("ben", "Away", "Break");

        var receipt = await Set("ben", "Available");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
        Assert.Null(_board.Agent("ben").Reason);
    }

    [Fact]
    public async Task SetAgentState_AlreadyAvailable_RefusedAndAudited()
    {
        // Signed in by the router (with its own reason): setting Available again changes nothing.
        var receipt = await Set("ben", "Available");

        Assert.Equal(ActionReceipt.Refused("ben is already Available"), receipt);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Fact]
    public async Task SetAgentState_SameAwayReason_RefusedButAnotherReasonApplies()
    {
        await Set("ben", "Away", "Lunch");

        Assert.Equal(ActionReceipt.Refused("ben is already Away"), await Set("ben", "away", "Lunch"));
        Assert.Equal(ReceiptStatus.Accepted, (await Set("ben", "Away", "Training")).Status);
        Assert.Equal("Training", _board.Agent("ben").Reason);
    }

    [Fact]
    public async Task SetAgentState_UnknownAgent_RefusedAndAudited()
    {
        var receipt = await Set("zed", "Away");

        Assert.Equal(ActionReceipt.Refused("There is no agent 'zed'"), receipt);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
        Assert.False(_board.Store.Current.Agents.ContainsKey("zed"));
    }

    [Theory]
    [InlineData("", "The state must be Available, Away or Offline")]
    [InlineData("Busy", "The state must be Available, Away or Offline, not 'Busy'")]
    [InlineData("1", "The state must be Available, Away or Offline, not '1'")]
    public async Task SetAgentState_UnknownState_RefusedSayingWhichExist(string state, string reason)
    {
        Assert.Equal(ActionReceipt.Refused(reason), await Set("ben", state));
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Fact]
    public async Task SetAgentState_ReasonTooLong_Refused()
    {
        Assert.Equal(ActionReceipt.Refused("The reason is longer than 200 characters"), await Set("ben", "Away", new string('x', 201)));
    }

    [Fact]
    public async Task SetAgentState_Observer_ForbiddenAndNotChanged()
    {
        var receipt = await Set("ben", "Offline", actor: ActionBoard.Observer);

        Assert.Equal(ReceiptStatus.Forbidden, receipt.Status);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
        Assert.Equal(AuditStatus.Refused, Assert.Single(_board.Audit.Entries).Status);
    }

    [Fact]
    public async Task SetAgentState_AgentOnACall_StaysOnTheCallUntilItEnds()
    {
        _board.WithAgentCall("ana");

        await Set("ana", "Offline");

        Assert.Equal((AgentState.OnCall, AgentPresence.Offline), (_board.Agent("ana").State, _board.Agent("ana").Presence));
        Assert.Equal("ana", _board.Call.AgentId);
    }

    [Fact]
    public async Task SetAgentState_AvailableWhileWrappingUp_EndsTheWrapUp()
    {
        _board.WithAgentCall("ana");
        _board.Ended();
        Assert.Equal((AgentState.WrapUp, AgentPresence.Available), (_board.Agent("ana").State, _board.Agent("ana").Presence));

        var receipt = await Set("ana", "Available");

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal(AgentState.Available, _board.Agent("ana").State);
    }

    [Fact]
    public async Task SetAgentState_AwayWithoutAReasonWhenAway_Refused()
    {
        await Set("ben", "Away", "Lunch");

        Assert.Equal(ActionReceipt.Refused("ben is already Away"), await Set("ben", "Away"));
        Assert.Equal("Lunch", _board.Agent("ben").Reason);
    }

    [Fact]
    public async Task SetAgentState_AuditTrailDown_FailedNotThrownAndTheStateUnchanged()
    {
        _board.Audit.FailWith = new InvalidOperationException("database down");

        var receipt = await Set("ben", "Away", "Lunch");

        Assert.Equal(ReceiptStatus.Failed, receipt.Status);
        Assert.Equal("AuditUnavailable", receipt.Error?.Code);
        Assert.Equal(AgentState.Available, _board.Agent("ben").State);
    }

    [Theory]
    [InlineData("Coffee\nbreak")]
    [InlineData("Coffee\u2028break")]
    public async Task SetAgentState_ReasonOverSeveralLines_RefusedSayingWhy(string reason)
    {
        var receipt = await _board.Executor.ExecuteAsync(
            new ActionRequest(ActionKind.SetAgentState, AgentStateChanged.AgentsCallId, "ben", ActionBoard.Sup())
            {
                Arguments = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("state", "Away").Add("reason", reason),
            }, _board.Token);

        Assert.Equal(ReceiptStatus.Refused, receipt.Status);
        Assert.Contains("one line", receipt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_ArgumentsItDoesNotAskFor_NotKeptInTheLog()
    {
        using var board = new ActionBoard(contactCenter: false).WithCall();
        board.Roster(TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent));
        board.Acs.Gate = new TaskCompletionSource();
        var running = board.Executor.ExecuteAsync(
            new ActionRequest(ActionKind.Mute, TestEvents.Call1, TestEvents.Agent.RawId, ActionBoard.Sup())
            {
                Arguments = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("junk", new string('x', 10_000)),
            }, board.Token);
        await board.Acs.Sent.Task.WaitAsync(board.Token);

        Assert.Null(Assert.Single(board.Call.PendingActions.Values).Arguments);
        board.Acs.Gate.SetResult();
        await running;
    }
}
