using System.Net;
using CallSupervisor.Emulator.Faults;
using CallSupervisor.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallSupervisor.Emulator.Http;

/// <summary>
/// The test-facing admin API under <c>/emulator</c>: deterministic scenarios, the far side's state, fault injection,
/// and forcing an invitee to accept. No auth, loopback callers only.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, EmulatorRuntime runtime)
    {
        var admin = app.MapGroup("/emulator").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context)
                : Problem(StatusCodes.Status403Forbidden, "The emulator admin API only answers loopback callers."));

        admin.MapPost("/calls", AcsEndpoints.Handler(async c =>
        {
            // An empty body is the default scenario (a random ACS call).
            var scenario = (await RequestBody.ReadAsync(c)).Length == 0 ? new CallScenario() : await RequestBody.ParseAsync<CallScenario>(c);
            if (scenario is null)
            {
                return Problem(StatusCodes.Status400BadRequest, "The body is not a valid scenario.");
            }
            if (runtime.AppBaseAddress is null)
            {
                return Problem(StatusCodes.Status409Conflict, "No app is attached: call AttachApp (or POST /emulator/attach) first.");
            }
            try
            {
                return ApiResult.Json(StatusCodes.Status201Created, runtime.StartScenario(scenario));
            }
            catch (ArgumentException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, ex.Message);
            }
        }));
        admin.MapGet("/calls", () => ApiResult.Json(StatusCodes.Status200OK, runtime.Snapshot()));
        admin.MapGet("/stats", () => ApiResult.Json(StatusCodes.Status200OK, runtime.Stats()));
        admin.MapPost("/burst", AcsEndpoints.Handler(async c =>
        {
            // An empty body is a burst of the default size.
            var request = (await RequestBody.ReadAsync(c)).Length == 0 ? new BurstRequest() : await RequestBody.ParseAsync<BurstRequest>(c);
            if (request is not { Count: >= 1 and <= MaxBurst })
            {
                return Problem(StatusCodes.Status400BadRequest, $"count must be a number of callers between 1 and {MaxBurst}.");
            }
            if (runtime.AppBaseAddress is null)
            {
                return Problem(StatusCodes.Status409Conflict, "No app is attached: call AttachApp (or POST /emulator/attach) first.");
            }
            return ApiResult.Json(StatusCodes.Status201Created, new { calls = runtime.Burst(request.Count) });
        }));
        admin.MapPost("/calls/{callId}/end", (string callId) =>
            runtime.EndCall(callId) ? ApiResult.Empty(StatusCodes.Status204NoContent) : Problem(StatusCodes.Status404NotFound, $"Call '{callId}' not found."));
        admin.MapPost("/invitations/{invitationId}/accept", (string invitationId) => runtime.Acs.ForceAccept(invitationId) switch
        {
            true => ApiResult.Json(StatusCodes.Status200OK, new { invitationId, status = "accepted" }),
            false => Problem(StatusCodes.Status404NotFound, $"Invitation '{invitationId}' not found."),
            null => Problem(StatusCodes.Status409Conflict, $"Invitation '{invitationId}' is no longer ringing."),
        });
        admin.MapGet("/faults", () => ApiResult.Json(StatusCodes.Status200OK, runtime.Faults.Current));
        admin.MapPost("/faults", AcsEndpoints.Handler(async c =>
        {
            if (await RequestBody.ParseAsync<FaultSettings>(c) is not { } settings)
            {
                return Problem(StatusCodes.Status400BadRequest, "The body is not valid fault settings.");
            }
            if (settings.Problem() is { } problem)
            {
                return Problem(StatusCodes.Status400BadRequest, problem);
            }
            runtime.Faults.Replace(settings);
            return ApiResult.Json(StatusCodes.Status200OK, runtime.Faults.Current);
        }));
        admin.MapDelete("/faults", () =>
        {
            runtime.Faults.Replace(new FaultSettings());
            return ApiResult.Empty(StatusCodes.Status204NoContent);
        });
        admin.MapPost("/attach", AcsEndpoints.Handler(async c =>
        {
            var request = await RequestBody.ParseAsync<AttachRequest>(c);
            if (!Uri.TryCreate(request?.AppBaseUrl, UriKind.Absolute, out var app) || !EmulatorOptionsValidator.IsLoopbackHttp(app))
            {
                return Problem(StatusCodes.Status400BadRequest, "appBaseUrl must be an absolute http URL on a loopback address.");
            }
            return runtime.TryAttach(app)
                ? ApiResult.Json(StatusCodes.Status200OK, new { appBaseUrl = runtime.AppBaseAddress!.ToString() })
                : Problem(StatusCodes.Status409Conflict, $"Already attached to {runtime.AppBaseAddress}.");
        }));
    }

    private static ApiResult Problem(int status, string detail) => ApiResult.Json(status, new { status, detail });

    private sealed record AttachRequest(string? AppBaseUrl);

    private const int MaxBurst = 200;

    /// <summary>Body of <c>POST /emulator/burst</c>: how many callers arrive at once.</summary>
    private sealed record BurstRequest(int Count = 10);
}
