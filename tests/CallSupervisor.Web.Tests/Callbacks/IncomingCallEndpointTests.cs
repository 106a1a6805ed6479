using System.Net;
using System.Text;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Board.EventLog;
using CallSupervisor.Web.Tests.EventLog;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// Event Grid delivers at least once: the same IncomingCall posted again — or the same call under a new event id —
/// is answered once (the app with its workflow on, over a fake ACS port that counts the answers).
/// </summary>
public sealed class IncomingCallEndpointTests : IAsyncLifetime
{
    private readonly FakeCallAutomationPort _acs = new();
    private readonly CallbackAppFactory _app;

    public IncomingCallEndpointTests() => _app = new CallbackAppFactory(
        callbackAuth: false,
        settings: new Dictionary<string, string>
        {
            ["Workflow:Enabled"] = "true",
            ["Workflow:Agents:0"] = "8:acs:agent",
            ["Workflow:HoldMusic"] = "https://media.example.com/hold.wav",
            ["Workflow:MenuPrompt"] = "https://media.example.com/menu.wav",
        },
        services: s => s.AddSingleton<ICallAutomationPort>(_acs));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string IncomingCall(string eventId) => $$$"""
        [{"id":"{{{eventId}}}","topic":"/subscriptions/s","subject":"/caller/4:+14255550123/recipient/8:acs:resource_agent",
          "eventType":"Microsoft.Communication.IncomingCall","eventTime":"{{{DateTimeOffset.UtcNow:O}}}","dataVersion":"1.0","metadataVersion":"1",
          "data":{"to":{"kind":"communicationUser","rawId":"8:acs:resource_agent","communicationUser":{"id":"8:acs:resource_agent"}},
            "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
            "serverCallId":"server-1","callerDisplayName":"Caller","incomingCallContext":"eyJhbGciOiJub25lIn0.eyJjYyI6IkgifQ.","correlationId":"corr-1"}}]
        """;

    private async Task PostAsync(HttpClient client, string eventId)
    {
        using var response = await client.PostAsync("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey,
            new StringContent(IncomingCall(eventId), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private int Answers()
    {
        lock (_acs.Requests)
        {
            return _acs.Requests.Count(r => r.StartsWith("answer ", StringComparison.Ordinal));
        }
    }

    private Task<IReadOnlyList<CallEvent>> WaitForClaimsAsync(int count) => LogProbe.WaitAsync(
        _app.Services.GetRequiredService<IEventLog>(), _app.Services.GetRequiredService<EventLogStatus>(),
        e => e.OfType<IncomingCallClaimed>().Count() >= count, () => Answers() > 1, $"{count} claims");

    [Fact]
    public async Task IncomingCall_PostedTwice_AndUnderANewEventId_AnsweredOnce()
    {
        using var client = _app.CreateClient();

        await PostAsync(client, "eg-1");
        await WaitForClaimsAsync(1);
        await _acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await PostAsync(client, "eg-1");
        await WaitForClaimsAsync(2);
        await PostAsync(client, "eg-2");
        await WaitForClaimsAsync(3);

        Assert.Equal(1, Answers());
    }

    [Fact]
    public async Task IncomingCall_EventLogDown_AnsweredAnyway()
    {
        // The delivery was acknowledged: a caller must not be left ringing because the claim cannot be recorded.
        var log = new InMemoryEventLog();
        var acs = new FakeCallAutomationPort();
        await using var app = new CallbackAppFactory(
            callbackAuth: false,
            settings: new Dictionary<string, string>
            {
                ["Workflow:Enabled"] = "true",
                ["Workflow:Agents:0"] = "8:acs:agent",
                ["Workflow:HoldMusic"] = "https://media.example.com/hold.wav",
                ["Workflow:MenuPrompt"] = "https://media.example.com/menu.wav",
            },
            services: s =>
            {
                s.AddSingleton<ICallAutomationPort>(acs);
                s.AddSingleton<IEventLog>(log);
                s.AddSingleton<ICheckpointStore>(log);
            });
        using var client = app.CreateClient();
        log.Unavailable = true;

        await PostAsync(client, "eg-down");

        await acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (acs.Requests)
        {
            Assert.StartsWith("answer ", Assert.Single(acs.Requests), StringComparison.Ordinal);
        }
    }
}
