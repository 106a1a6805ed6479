using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>
/// The callbacks about operations a supervisor action started (HoldFailed, RemoveParticipant*, CallTransfer*), as
/// the 2024-09-15 contract defines their data, become one <see cref="OperationReported"/> each, named by their type.
/// </summary>
public sealed class OperationCallbackParserTests
{
    private const string CallConnectionId = "421f3500-f5de-4c12-bf61-9e2641433687";
    private static readonly CallId Call = new(CallConnectionId);
    private static readonly DateTimeOffset Time = new(2026, 11, 21, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550123");
    private static readonly CommunicationIdentifier Agent = CommunicationIdentifier.AcsUser("8:acs:resource_agent-1");
    private const string CallerModel = """{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}}""";
    private const string AgentModel = """{"kind":"communicationUser","rawId":"8:acs:resource_agent-1","communicationUser":{"id":"8:acs:resource_agent-1"}}""";
    private readonly InstantTimeProvider _time = new();

    [Fact]
    public void Parse_HoldFailed_ReportsFailureWithResult()
    {
        var result = Parse(Event("HoldFailed", $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","serverCallId":"server-1","correlationId":"corr-1","operationContext":"hold-1",
             "resultInformation":{"code":400,"subCode":8523,"message":"Participant not found."}}
            """));

        Assert.Equal(
            new OperationReported("evt-1", Call, Time, "HoldFailed", "hold-1", Succeeded: false, new ResultInfo(400, 8523, "Participant not found.")),
            Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_RemoveParticipantSucceededAndFailed_CarryTheParticipant()
    {
        var result = Parse(
            Event("RemoveParticipantSucceeded", $$$"""
                {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"remove-1","participant":{{{AgentModel}}},
                 "resultInformation":{"code":200,"subCode":0,"message":"Participant removed."}}
                """, "evt-1"),
            Event("RemoveParticipantFailed", $$$"""
                {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"remove-2","participant":{{{CallerModel}}},
                 "resultInformation":{"code":400,"subCode":8523,"message":"Participant not in the call."}}
                """, "evt-2"));

        Assert.Equal(
            [
                new OperationReported("evt-1", Call, Time, "RemoveParticipantSucceeded", "remove-1", Succeeded: true, new ResultInfo(200, 0, "Participant removed.")) { Participant = Agent },
                new OperationReported("evt-2", Call, Time, "RemoveParticipantFailed", "remove-2", Succeeded: false, new ResultInfo(400, 8523, "Participant not in the call.")) { Participant = Caller },
            ],
            result.Events.AsEnumerable());
    }

    [Fact]
    public void Parse_RemoveParticipantSucceededWithoutParticipant_MappedWithoutOne()
    {
        // Optional in the contract; the operationContext correlates the callback.
        var result = Parse(Event("RemoveParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"remove-1"}"""));

        Assert.Equal(new OperationReported("evt-1", Call, Time, "RemoveParticipantSucceeded", "remove-1", Succeeded: true, null), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_CallTransferAccepted_ReportsSuccessWithTargetAndTransferee()
    {
        var result = Parse(Event("CallTransferAccepted", $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"transfer-1","transferTarget":{{{CallerModel}}},"transferee":{{{AgentModel}}},
             "resultInformation":{"code":202,"subCode":0,"message":"Transfer accepted."}}
            """));

        Assert.Equal(
            new OperationReported("evt-1", Call, Time, "CallTransferAccepted", "transfer-1", Succeeded: true, new ResultInfo(202, 0, "Transfer accepted."))
            {
                TransferTarget = Caller,
                Transferee = Agent,
            },
            Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_CallTransferFailed_ReportsFailure()
    {
        var result = Parse(Event("CallTransferFailed", $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"transfer-2","resultInformation":{"code":486,"subCode":0,"message":"Busy here."}}
            """));

        Assert.Equal(new OperationReported("evt-1", Call, Time, "CallTransferFailed", "transfer-2", Succeeded: false, new ResultInfo(486, 0, "Busy here.")), Assert.Single(result.Events));
    }

    [Fact]
    public void Parse_OperationCallbacks_ReadBackEqualFromTheEventLogFormat()
    {
        // What the parser returns is appended to the event log before it is acknowledged: it must come back whole.
        var result = Parse(
            Event("HoldFailed", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"hold-1","resultInformation":{"code":400,"subCode":8523,"message":"m"}}""", "evt-1"),
            Event("RemoveParticipantSucceeded", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"remove-1","participant":{{{AgentModel}}}}""", "evt-2"),
            Event("CallTransferAccepted", $$$"""{"callConnectionId":"{{{CallConnectionId}}}","operationContext":"transfer-1","transferTarget":{{{CallerModel}}},"transferee":{{{AgentModel}}}}""", "evt-3"));

        Assert.Equal(3, result.Events.Length);
        Assert.All(result.Events, e => Assert.Equal(e, Core.EventLog.EventJson.Deserialize(Core.EventLog.EventJson.Serialize(e))));
    }

    [Theory]
    [InlineData("RemoveParticipantSucceeded", "participant", "data.participant: identifier has neither a rawId nor a kind-specific value")]
    [InlineData("RemoveParticipantFailed", "participant", "data.participant: identifier has neither a rawId nor a kind-specific value")]
    [InlineData("CallTransferAccepted", "transferTarget", "data.transferTarget: identifier has neither a rawId nor a kind-specific value")]
    [InlineData("CallTransferAccepted", "transferee", "data.transferee: identifier has neither a rawId nor a kind-specific value")]
    public void Parse_UnreadableIdentifier_Malformed(string type, string field, string expected)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + Event(type, $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"op-1","{{{field}}}":{"kind":"phoneNumber"}}
            """) + "]");

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData("HoldFailed")]
    [InlineData("RemoveParticipantFailed")]
    [InlineData("CallTransferFailed")]
    public void Parse_ResultInformationNotOfTheContract_Malformed(string type)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + Event(type, $$$"""
            {"callConnectionId":"{{{CallConnectionId}}}","operationContext":"op-1","resultInformation":{"code":"busy"}}
            """) + "]");

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains("data does not match the contract at $.resultInformation.code", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HoldFailed")]
    [InlineData("RemoveParticipantSucceeded")]
    [InlineData("CallTransferAccepted")]
    public void Parse_MissingCallConnectionId_Malformed(string type)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + Event(type, """{"operationContext":"op-1"}""") + "]");

        Assert.Equal(CallbackParseStatus.Malformed, result.Status);
        Assert.Contains("data.callConnectionId is missing", result.Error, StringComparison.Ordinal);
    }

    private CallbackParseResult Parse(params string[] events)
    {
        var result = new AcsCallbackParser(_time).Parse("[" + string.Join(",", events) + "]");
        Assert.True(result.IsSuccess, result.Error);
        Assert.Empty(result.Unmapped);
        return result;
    }

    private static string Event(string type, string data, string id = "evt-1") => $$$"""
        {"id":"{{{id}}}","source":"calling/callConnections/{{{CallConnectionId}}}","type":"Microsoft.Communication.{{{type}}}",
         "data":{{{data}}},"time":"2026-11-21T09:30:15.123+00:00","specversion":"1.0","datacontenttype":"application/json",
         "subject":"calling/callConnections/{{{CallConnectionId}}}"}
        """;
}
