using System.Net;
using System.Text;
using System.Text.Json;
using CallSupervisor.Telephony.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>What a client can send must never become a 500, an HTML page or unbounded memory.</summary>
public sealed class RobustnessTests
{
    private static ByteArrayContent InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[Array.IndexOf(bytes, (byte)'~')] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string AddSucceeded(int index, string callId = "call-q") => $$$"""
        {"id":"q-{{{index}}}","type":"Microsoft.Communication.AddParticipantSucceeded","time":"2026-11-21T10:00:00Z",
         "data":{"callConnectionId":"{{{callId}}}","operationContext":"ctx-{{{index}}}"}}
        """;

    [Theory]
    [InlineData("/api/callbacks/acs", """[{"id":"e~","type":"Microsoft.Communication.CallConnected","data":{"callConnectionId":"c"}}]""")]
    [InlineData("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey, """[{"id":"e~","eventType":"Microsoft.Communication.IncomingCall","data":{}}]""")]
    [InlineData("/api/callbacks/graph", """{"value":[{"clientState":"~","changeType":"updated","resourceUrl":"/communications/calls/c","resourceData":{}}]}""")]
    public async Task Callback_InvalidUtf8_Returns400ProblemDetails(string path, string body)
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, InvalidUtf8(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The body is not valid UTF-8.", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AcsCallback_HugeId_Returns400AndRemembersNothing()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<CallStore>();
        var before = store.Version;

        using var response = await client.PostAsync("/api/callbacks/acs", Json($$$"""
            [{"id":"{{{new string('x', 3000)}}}","type":"Microsoft.Communication.CallConnected","data":{"callConnectionId":"c"}}]
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, store.Version);
    }

    private static Action<IServiceCollection> WithLog(EventLog.InMemoryEventLog log) => services =>
    {
        services.AddSingleton<CallSupervisor.Core.EventLog.IEventLog>(log);
        services.AddSingleton<CallSupervisor.Core.EventLog.ICheckpointStore>(log);
    };

    [Fact]
    public async Task Callbacks_PipelineFull_Return503WithRetryAfterAndAppendNothing_ReadinessReportsTheBacklog()
    {
        // A log that does not answer yet: what is sent stays on its way, so the pipeline fills deterministically.
        var log = new EventLog.InMemoryEventLog { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var app = new CallbackAppFactory(
            callbackAuth: false,
            new Dictionary<string, string> { ["Calls:MaxQueuedEvents"] = "100", ["Calls:MaxCallbackBytes"] = "1048576" },
            WithLog(log));
        using var client = app.CreateClient();
        var pipeline = app.Services.GetRequiredService<CallSupervisor.Board.Replication.EventPipeline>();

        var fits = client.PostAsync("/api/callbacks/acs", Json("[" + string.Join(",", Enumerable.Range(0, 99).Select(i => AddSucceeded(i))) + "]"));
        while (pipeline.Depth < 99)
        {
            await Task.Yield();
        }
        using var tooMany = await client.PostAsync("/api/callbacks/acs", Json("[" + AddSucceeded(100) + "," + AddSucceeded(101) + "]"));
        using var busy = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooMany.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), tooMany.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
        var report = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var inbox = report.GetProperty("checks").GetProperty("callbacks").GetProperty("data");
        Assert.Equal(99, inbox.GetProperty("depth").GetInt32());
        Assert.Equal(100, inbox.GetProperty("capacity").GetInt32());

        log.Gate.SetResult();
        using var accepted = await fits;
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(99, log.Records.Count);
        Assert.DoesNotContain(log.Records, r => r.Event.EventId.Contains("100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callbacks_EventLogDown_503NotAcknowledged_ReadinessUnhealthy_ThenRecovers()
    {
        var log = new EventLog.InMemoryEventLog { Unavailable = true };
        await using var app = new CallbackAppFactory(callbackAuth: false, services: WithLog(log));
        using var client = app.CreateClient();

        using var refused = await client.PostAsync("/api/callbacks/acs", Json("[" + AddSucceeded(1) + "]"));
        using var down = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Event log unavailable", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var data = JsonDocument.Parse(await down.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("callbacks").GetProperty("data");
        Assert.False(data.GetProperty("eventLogAvailable").GetBoolean());
        Assert.Empty(log.Records);

        log.Unavailable = false;
        using var accepted = await client.PostAsync("/api/callbacks/acs", Json("[" + AddSucceeded(1) + "]"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(log.Records);
    }

    [Fact]
    public async Task EventLogDownWhileRunning_StaysUnavailableAcrossTheReplicasRetries_ThenClears()
    {
        var log = new EventLog.InMemoryEventLog();
        await using var app = new CallbackAppFactory(callbackAuth: false, services: WithLog(log));
        using var client = app.CreateClient();
        var status = app.Services.GetRequiredService<CallSupervisor.Board.EventLog.EventLogStatus>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        status.Changed += () =>
        {
            if (status.CaughtUp)
            {
                caughtUp.TrySetResult();
            }
        };
        if (status.CaughtUp)
        {
            caughtUp.TrySetResult();
        }
        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Down while running (the replica tailing the log, as in production).
        log.Unavailable = true;
        var seen = new List<(bool Available, DateTimeOffset? Since)>();
        status.Changed += () =>
        {
            lock (seen)
            {
                seen.Add((status.Available, status.UnavailableSince));
            }
        };
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.ReadFailed += () =>
        {
            if (log.FailedReads >= 4)
            {
                retried.TrySetResult();
            }
        };
        if (log.FailedReads >= 4)
        {
            retried.TrySetResult();
        }

        await retried.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Never shown available between two failed retries, and unavailable since the first failure.
        Assert.False(status.Available);
        lock (seen)
        {
            Assert.DoesNotContain(seen, s => s.Available);
            Assert.All(seen, s => Assert.Equal(status.UnavailableSince, s.Since));
        }
        var cleared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        status.Changed += () =>
        {
            if (status.Available)
            {
                cleared.TrySetResult();
            }
        };
        log.Unavailable = false;
        await cleared.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Null(status.UnavailableSince);
    }

    [Fact]
    public async Task Readiness_EmptyInbox_Healthy()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false);
        using var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Production_ServerErrorOnACallback_Is500ProblemDetailsWithoutDetails()
    {
        await using var app = new CallbackAppFactory(
            callbackAuth: true,
            services: services => services.AddSingleton(new EventGridParser(new FailingTimeProvider())),
            environment: Environments.Production);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey, Json("""[{"id":"v","eventType":"Other","data":{}}]"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("clock broken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_ErrorPage_Exists()
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, environment: Environments.Production);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/error");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_PostToAnUnknownApiPath_Is404NotAPage()
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, environment: Environments.Production);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/callbacks/nothing-here", Json("[]"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GraphDisabled_NoGraphEndpoint_PagesAndAcsCallbacksWork()
    {
        await using var app = new CallbackAppFactory(callbackAuth: false, new Dictionary<string, string>
        {
            ["Graph:Enabled"] = "false",
            ["Graph:StaticBearerToken"] = "",
            ["Graph:ClientState"] = "",
        });
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/");
        using var invitations = await client.GetAsync("/invitations");
        using var graph = await client.PostAsync("/api/callbacks/graph", Json("""{"value":[]}"""));
        using var acs = await client.PostAsync("/api/callbacks/acs", Json("[" + AddSucceeded(1) + "]"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invitations.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, graph.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acs.StatusCode);
    }

    private sealed class FailingTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("clock broken");
    }
}
