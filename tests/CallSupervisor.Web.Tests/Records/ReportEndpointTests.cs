using System.Net;
using System.Text;
using CallSupervisor.Audit.Export;
using CallSupervisor.Core.Figures;
using CallSupervisor.Testing;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallSupervisor.Web.Tests.Records;

/// <summary>
/// The report downloads through the real app (its policies, problem details and time zone) over records kept in
/// memory: headers, quoting, the day range in the figures' zone, 400 for a bad range, 403 for an observer.
/// </summary>
public sealed class ReportEndpointTests
{
    // Paris: 1 December is UTC+1, so a day there runs 23:00 to 23:00 UTC.
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static CallbackAppFactory App(InMemoryCallRecordStore records, params string[] roles) => new(
        callbackAuth: false,
        new Dictionary<string, string> { ["Figures:TimeZone"] = "Europe/Paris" },
        services: s => s.Replace(ServiceDescriptor.Singleton<ICallRecordStore>(records)),
        roles: roles.Length == 0 ? null : roles);

    private static async Task<InMemoryCallRecordStore> SeededAsync()
    {
        var records = new InMemoryCallRecordStore();
        await records.AddAsync(
        [
            Answered("call-1", Morning) with { AgentName = "=HYPERLINK(\"http://x\",\"Ana\")", EndReason = "0/0 ended, normally" },
            Answered("call-2", Morning.AddMinutes(20)),
            // 23:30 UTC on 30 November is 00:30 on 1 December in Paris: in the day.
            Answered("call-3", new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)),
            // 23:30 UTC on 1 December is 2 December in Paris: not in the day.
            Answered("call-4", new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)),
        ], CancellationToken.None);
        return records;
    }

    [Fact]
    public async Task Calls_ADay_StreamsEachCallOfTheDayInTheZoneWithItsFieldsQuoted()
    {
        await using var app = App(await SeededAsync());
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/reports/calls.csv?from=2026-12-01&to=2026-12-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"calls-20261201-20261201.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Csv.Records(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(ReportCsvExporter.CallColumns, rows[0]);
        var calls = rows.Skip(1).Select(r => ReportCsvExporter.CallColumns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(["call-3", "call-1", "call-2"], calls.Select(c => c["call_id"]));
        var first = calls[1];
        Assert.Equal("2026-12-01T10:00:00.000+01:00", first["arrived_at"]);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"Ana\")", first["agent_name"]);
        Assert.Equal("0/0 ended, normally", first["end_reason"]);
        Assert.Equal(("Answered", "sales", "12", "90", "5", "30", "125", "1", "Ben Okafor"), (first["outcome"], first["queue_id"], first["wait_s"], first["talk_s"], first["hold_s"], first["wrap_up_s"], first["handle_s"], first["missed_offers"], first["missed_by"]));
        Assert.Equal("Mute by Sam Supervisor at 2026-12-01T10:01:00.000+01:00", first["actions"]);
    }

    [Fact]
    public async Task Intervals_ADay_GivesEachQueueIntervalThenAllQueues()
    {
        await using var app = App(await SeededAsync());
        using var client = app.CreateClient();

        var text = await client.GetStringAsync("/api/reports/intervals.csv?from=2026-12-01&to=2026-12-01");

        var rows = Csv.Records(text.TrimStart('\uFEFF'));
        Assert.Equal(ReportCsvExporter.IntervalColumns, rows[0]);
        var intervals = rows.Skip(1).Select(r => ReportCsvExporter.IntervalColumns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(
            [("2026-12-01T00:30:00.000+01:00", "sales"), ("2026-12-01T00:30:00.000+01:00", ""), ("2026-12-01T10:00:00.000+01:00", "sales"), ("2026-12-01T10:00:00.000+01:00", ""), ("2026-12-01T10:15:00.000+01:00", "sales"), ("2026-12-01T10:15:00.000+01:00", "")],
            intervals.Select(i => (i["interval_start"], i["queue_id"])));
        var ten = intervals[2];
        Assert.Equal(("1", "1", "0", "100", "12", "12", "1", "125"), (ten["offered"], ten["answered"], ten["abandoned"], ten["service_level_pct"], ten["asa_s"], ten["longest_answer_s"], ten["handled"], ten["aht_s"]));
    }

    [Theory]
    [InlineData("from=2026-12-02&to=2026-12-01", "before")]
    [InlineData("from=2026-01-01&to=2026-12-01", "at most 93 days")]
    [InlineData("from=1.12.2026&to=2026-12-01", "'from' is not a day")]
    [InlineData("from=2026-12-01", "'to' is required")]
    public async Task Reports_BadRange_AreAProblem400(string query, string detail)
    {
        await using var app = App(new InMemoryCallRecordStore());
        using var client = app.CreateClient();

        foreach (var path in new[] { "/api/reports/calls.csv", "/api/reports/intervals.csv" })
        {
            using var response = await client.GetAsync($"{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(CallSupervisor.Core.Execution.SupervisorRoles.Observer, HttpStatusCode.Forbidden)]
    [InlineData(CallSupervisor.Core.Execution.SupervisorRoles.Wallboard, HttpStatusCode.Forbidden)]
    [InlineData(CallSupervisor.Core.Execution.SupervisorRoles.Auditor, HttpStatusCode.OK)]
    [InlineData(CallSupervisor.Core.Execution.SupervisorRoles.Administrator, HttpStatusCode.OK)]
    public async Task Reports_ByRole_OnlyForThoseWhoRunTheCentre(string role, HttpStatusCode expected)
    {
        await using var app = App(new InMemoryCallRecordStore(), role);
        using var client = app.CreateClient();

        using var calls = await client.GetAsync("/api/reports/calls.csv?from=2026-12-01&to=2026-12-01");
        using var intervals = await client.GetAsync("/api/reports/intervals.csv?from=2026-12-01&to=2026-12-01");

        Assert.Equal((expected, expected), (calls.StatusCode, intervals.StatusCode));
    }

    /// <summary>Queued 10 s after arriving, answered by Ana 12 s later after Ben missed it; 90 s talk, 5 s hold, 30 s wrap-up.</summary>
    private static CallRecord Answered(string callId, DateTimeOffset arrived)
    {
        var queued = arrived.AddSeconds(10);
        return new CallRecord(
            new CallId(callId), CallPlatform.Acs, arrived, arrived.AddMinutes(2), CallOutcome.Answered, "sales", queued, queued.AddSeconds(12),
            "ana", "Ana Lima", TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), 0, "4:+15550100", null, null,
            [new QueueVisit("sales", queued, queued.AddSeconds(12), VisitOutcome.Answered)],
            [new OfferAttempt("ben", "Ben Okafor", queued.AddSeconds(1), queued.AddSeconds(6), OfferOutcome.NotAnswered), new OfferAttempt("ana", "Ana Lima", queued.AddSeconds(6), queued.AddSeconds(12), OfferOutcome.Accepted)],
            [new ActionMark(ActionKind.Mute, "Sam Supervisor", arrived.AddMinutes(1))]);
    }
}
