using System.Globalization;
using CallSupervisor.Audit.Export;
using Microsoft.Net.Http.Headers;

namespace CallSupervisor.Web.Audit;

/// <summary>The audit trail's CSV download.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// <c>GET /audit/export?supervisor=&amp;action=&amp;status=&amp;call=&amp;from=&amp;to=</c> (the page's filters):
    /// every matching row as <c>text/csv; charset=utf-8</c>, newest first, streamed as it is read. Only for the
    /// <c>Audit</c> policy. An unreadable filter is a 400 problem.
    /// </summary>
    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AuditLinks.ExportPath, ExportAsync).RequireAuthorization(Security.SupervisorPolicies.Audit);

    private static async Task ExportAsync(HttpContext http, AuditCsvExporter exporter, TimeProvider time)
    {
        var query = http.Request.Query;
        if (!AuditLinks.TryParse(query["supervisor"], query["action"], query["status"], query["call"], query["from"], query["to"], out var filter, out var error))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad filter", detail: error).ExecuteAsync(http);
            return;
        }
        var name = $"audit-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.csv";
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{name}\"";
        // Audit data is not kept by browsers or proxies, and never sniffed into something else.
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await exporter.WriteAsync(filter, http.Response.Body, http.RequestAborted);
    }
}
