using CallSupervisor.Audit.Export;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Store;
using Microsoft.Net.Http.Headers;

namespace CallSupervisor.Web.Reports;

/// <summary>The reports' CSV downloads, for workforce-management and BI tools.</summary>
public static class ReportEndpoints
{
    public const string CallsPath = "/api/reports/calls.csv";

    public const string IntervalsPath = "/api/reports/intervals.csv";

    /// <summary>
    /// <c>GET /api/reports/calls.csv?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: one row per call that arrived on those days;
    /// <c>GET /api/reports/intervals.csv?from=&amp;to=</c>: the figures per queue and 15-minute interval, then all queues.
    /// Days in the figures' time zone (<c>Figures:TimeZone</c>), both included. Only for the <c>Reports</c> policy; a bad
    /// range is a 400 problem.
    /// </summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CallsPath, CallsAsync).RequireAuthorization(Security.SupervisorPolicies.Reports);
        endpoints.MapGet(IntervalsPath, IntervalsAsync).RequireAuthorization(Security.SupervisorPolicies.Reports);
        return endpoints;
    }

    private static Task CallsAsync(HttpContext http, ReportCsvExporter exporter) =>
        DownloadAsync(http, "calls", (range, zone) => exporter.WriteCallsAsync(range.Start, range.End, zone, http.Response.Body, http.RequestAborted));

    private static Task IntervalsAsync(HttpContext http, ReportCsvExporter exporter, ICallsFeed feed) =>
        // The targets in force now, as the live figures use them (a target changed today applies to the whole report).
        DownloadAsync(http, "intervals", (range, zone) => exporter.WriteIntervalsAsync(
            range.Start, range.End, Figures(http).TargetsOf(feed.Current), zone, http.Response.Body, http.RequestAborted));

    // The figures' settings where the board registers them; UTC and the standard targets for a host without the board.
    private static FigureOptions Figures(HttpContext http) => http.RequestServices.GetService<FigureOptions>() ?? FigureOptions.Utc;

    private static async Task DownloadAsync(HttpContext http, string name, Func<ReportRange, TimeZoneInfo, Task<long>> write)
    {
        var zone = Figures(http).Zone;
        var query = http.Request.Query;
        if (!ReportRange.TryParse(query["from"], query["to"], zone, out var range, out var error))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad range", detail: error).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{name}-{range!.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv\"";
        // Callers' numbers: not kept by browsers or proxies, never sniffed into something else.
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await write(range, zone);
    }
}
