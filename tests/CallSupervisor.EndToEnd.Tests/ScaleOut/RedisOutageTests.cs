using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// One instance on a real Redis that dies: a callback is answered 503 with Retry-After at once rather than after the
/// client's command timeout, so ACS resends it (to another instance, behind a balancer) instead of waiting on this
/// one. The time is printed, not asserted: docs/deployment.md keeps the figure.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output) : IAsyncDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-redis-outage-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task Redis_stopped_callbacks_are_answered_503_with_Retry_After()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await ExternalEmulator.StartAsync(simulation: false);
        var settings = emulator.AppSettings(new Uri("http://127.0.0.1:9/"));
        settings["Redis:ConnectionString"] = redis.ConnectionString;
        await using var app = await AppProcess.StartAsync(_home, settings, waitForEmulator: false);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        using (var accepted = await PostCallbackAsync(http, emulator, 1))
        {
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"before the outage: {accepted.StatusCode}\n{app.Output}");
        }

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        using var first = await PostCallbackAsync(http, emulator, 2);
        var firstAfter = clock.Elapsed;
        clock.Restart();
        using var second = await PostCallbackAsync(http, emulator, 3);
        var secondAfter = clock.Elapsed;
        output.WriteLine($"first callback after Redis stopped answered {(int)first.StatusCode} in {firstAfter.TotalMilliseconds:0} ms, the next in {secondAfter.TotalMilliseconds:0} ms");

        foreach (var refused in new[] { first, second })
        {
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}\n{app.Output}");
            Assert.NotNull(refused.Headers.RetryAfter);
        }
    }

    private static async Task<HttpResponseMessage> PostCallbackAsync(HttpClient http, ExternalEmulator emulator, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/callbacks/acs")
        {
            Content = new StringContent($$$"""
                [{"id":"outage-{{{n}}}","source":"calling/callConnections/outage-call","type":"Microsoft.Communication.ParticipantsUpdated",
                  "specversion":"1.0","time":"2026-11-21T10:00:00Z","datacontenttype":"application/json","subject":"calling/callConnections/outage-call",
                  "data":{"callConnectionId":"outage-call","serverCallId":"s","correlationId":"c","sequenceNumber":{{{n}}},
                    "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":false,"isOnHold":false}]}}]
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Host.CreateCallbackToken());
        return await http.SendAsync(request);
    }
}
