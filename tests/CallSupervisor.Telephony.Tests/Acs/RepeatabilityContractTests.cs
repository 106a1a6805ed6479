using System.Net;
using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>
/// Every request the client sends carries the repeatability headers exactly when the official 2024-09-15 contract
/// (Contracts/callautomation-2024-09-15.json) lists them for that path and method, and a retry reuses them.
/// </summary>
public sealed class RepeatabilityContractTests
{
    private static readonly CallId Call = new(TestClients.CallConnectionId);
    private static readonly CommunicationIdentifier User = CommunicationIdentifier.AcsUser("8:acs:resource_user-1");

    public static TheoryData<string> Operations => [.. Calls.Keys];

    private static readonly Dictionary<string, Func<AcsCallAutomationClient, Task>> Calls = new()
    {
        ["answer"] = c => c.AnswerAsync("context", new Uri("https://app.contoso.com/callback"), "answer", CancellationToken.None),
        ["mute"] = c => c.MuteAsync(Call, User, "mute", CancellationToken.None),
        ["add"] = c => c.AddParticipantAsync(Call, User, "add", TimeSpan.FromSeconds(30), null, CancellationToken.None),
        ["cancelAdd"] = c => c.CancelAddParticipantAsync(Call, new InvitationId("inv-1"), "cancel", CancellationToken.None),
        ["remove"] = c => c.RemoveParticipantAsync(Call, User, "remove", null, CancellationToken.None),
        ["hold"] = c => c.HoldAsync(Call, User, new Uri("https://files/hold.wav"), "hold", CancellationToken.None),
        ["unhold"] = c => c.UnholdAsync(Call, User, "unhold", CancellationToken.None),
        ["transfer"] = c => c.TransferToParticipantAsync(Call, CommunicationIdentifier.AcsUser("8:acs:resource_user-2"), User, "transfer", null, CancellationToken.None),
        ["terminate"] = c => c.TerminateAsync(Call, null, CancellationToken.None),
        ["cancelAllMedia"] = c => c.CancelAllMediaOperationsAsync(Call, CancellationToken.None),
        ["play"] = c => c.PlayAsync(Call, new Uri("https://files/x.wav"), "play", false, CancellationToken.None),
        ["recognize"] = c => c.RecognizeDtmfAsync(Call, User, new Uri("https://files/menu.wav"), "menu", CancellationToken.None),
        ["getCall"] = c => c.GetCallAsync(Call, CancellationToken.None),
        ["listParticipants"] = c => c.ListParticipantsAsync(Call, CancellationToken.None),
        ["hangUp"] = c => c.HangUpAsync(Call, CancellationToken.None),
        ["startRecording"] = c => c.StartRecordingAsync("server-call-1", null, CancellationToken.None),
        ["pauseRecording"] = c => c.PauseRecordingAsync("recording-1", CancellationToken.None),
        ["resumeRecording"] = c => c.ResumeRecordingAsync("recording-1", CancellationToken.None),
        ["stopRecording"] = c => c.StopRecordingAsync("recording-1", CancellationToken.None),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_CarriesRepeatabilityHeadersExactlyWhereTheContractListsThem(string operation)
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"callConnectionId":"c1","invitationId":"inv-1","recordingId":"recording-1","value":[]}""");

        await Calls[operation](TestClients.Acs(recorder));

        var sent = Assert.Single(recorder.Requests);
        var listed = ContractRepeatability(sent.Method, sent.Uri.AbsolutePath);
        if (listed)
        {
            AcsRequestAssert.Repeatable(sent);
        }
        else
        {
            AcsRequestAssert.NotRepeatable(sent);
        }
    }

    [Fact]
    public async Task AnswerAsync_503ThenSuccess_RetryReusesTheRepeatabilityPair()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""")
            .Respond(HttpStatusCode.OK, """{"callConnectionId":"c1"}""");

        var result = await TestClients.Acs(recorder).AnswerAsync("context", new Uri("https://app.contoso.com/callback"), "answer", CancellationToken.None);

        Assert.Equal(new CallId("c1"), result.Value);
        Assert.Equal(2, recorder.Requests.Count);
        AcsRequestAssert.Repeatable(recorder.Requests[0]);
        Assert.Equal(recorder.Requests[0].Header("Repeatability-Request-ID"), recorder.Requests[1].Header("Repeatability-Request-ID"));
        Assert.Equal(recorder.Requests[0].Header("Repeatability-First-Sent"), recorder.Requests[1].Header("Repeatability-First-Sent"));
    }

    /// <summary>Whether the contract's operation for this method and path takes Repeatability-Request-ID.</summary>
    private static bool ContractRepeatability(HttpMethod method, string path)
    {
        using var contract = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "callautomation-2024-09-15.json")));
        foreach (var entry in contract.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!Matches(entry.Name, path) || !entry.Value.TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
            {
                continue;
            }
            return operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p =>
                (p.TryGetProperty("$ref", out var reference) ? reference.GetString() : p.GetProperty("name").GetString())!
                    .EndsWith("Repeatability-Request-ID", StringComparison.Ordinal));
        }
        throw new InvalidOperationException($"The contract has no {method} {path}.");
    }

    // Contract paths have {parameters}; the request has the values. Segment by segment, a {…} matches any value.
    private static bool Matches(string template, string path)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template), @"\\\{[^}]+}", "[^/:]+") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(path, pattern);
    }
}
