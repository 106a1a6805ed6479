using System.Net;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>
/// Every request body the client sends matches the request schema the official 2024-09-15 contract gives its path
/// (required properties present, nothing undeclared, types and enum values as listed) — for every identifier kind
/// the app sends, so an operation without a contract example is still checked against the contract itself.
/// </summary>
public sealed class RequestBodyContractTests
{
    private static readonly CallId Call = new(TestClients.CallConnectionId);
    private static readonly Uri Audio = new("https://files.contoso.com/hold.wav");

    private static readonly Dictionary<string, CommunicationIdentifier> Identifiers = new()
    {
        ["acsUser"] = CommunicationIdentifier.AcsUser("8:acs:resource_user-1"),
        ["phone"] = CommunicationIdentifier.Phone("+14255550123"),
        ["teamsUser"] = CommunicationIdentifier.TeamsUser("11111111-2222-3333-4444-555555555555"),
    };

    private static readonly Dictionary<string, Func<AcsCallAutomationClient, CommunicationIdentifier, Task>> Calls = new()
    {
        ["answer"] = (c, _) => c.AnswerAsync("context", new Uri("https://app.contoso.com/callback"), "answer", CancellationToken.None),
        ["mute"] = (c, who) => c.MuteAsync(Call, who, "mute", CancellationToken.None),
        ["add"] = (c, who) => c.AddParticipantAsync(Call, who, "add", TimeSpan.FromSeconds(30), null, CancellationToken.None),
        ["cancelAdd"] = (c, _) => c.CancelAddParticipantAsync(Call, new InvitationId("inv-1"), "cancel", CancellationToken.None),
        ["remove"] = (c, who) => c.RemoveParticipantAsync(Call, who, "remove", null, CancellationToken.None),
        ["hold"] = (c, who) => c.HoldAsync(Call, who, Audio, "hold", CancellationToken.None),
        ["holdInSilence"] = (c, who) => c.HoldAsync(Call, who, null, "hold", CancellationToken.None),
        ["unhold"] = (c, who) => c.UnholdAsync(Call, who, "unhold", CancellationToken.None),
        ["transfer"] = (c, who) => c.TransferToParticipantAsync(Call, who, Identifiers["acsUser"], "transfer", null, CancellationToken.None),
        ["play"] = (c, _) => c.PlayAsync(Call, Audio, "play", true, CancellationToken.None),
        ["recognize"] = (c, who) => c.RecognizeDtmfAsync(Call, who, Audio, "menu", CancellationToken.None),
        ["startRecording"] = (c, _) => c.StartRecordingAsync("server-call-1", null, CancellationToken.None),
    };

    public static TheoryData<string, string> Requests
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in Calls.Keys)
            {
                foreach (var kind in Identifiers.Keys)
                {
                    data.Add(operation, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_BodyMatchesTheContractSchemaOfItsPath(string operation, string identifierKind)
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"callConnectionId":"c1","invitationId":"inv-1","recordingId":"recording-1"}""");
        var client = TestClients.Acs(recorder, configure: o => o.SourceCallerIdNumber = "+18440123456");

        await Calls[operation](client, Identifiers[identifierKind]);

        var sent = Assert.Single(recorder.Requests);
        ContractSchema.AssertBody(sent.Uri.AbsolutePath, sent.BodyText);
    }

    [Fact]
    public void ContractSchema_BodyOffTheContract_EveryProblemReported()
    {
        // The checker itself: a body that breaks the hold schema in each way it checks.
        var problems = ContractSchema.BodyProblems(
            "/calling/callConnections/c1:hold",
            """{"participant":{},"playSourceInfo":{"kind":"video","file":{}},"operationContext":7}""");

        Assert.Equal(
            [
                "$.targetParticipant: required and missing",
                "$.participant: not declared by the contract",
                "$.playSourceInfo.kind: 'video' is not one of the contract's values",
                "$.playSourceInfo.file.uri: required and missing",
                "$.operationContext: expected a string",
            ],
            problems);
    }
}
