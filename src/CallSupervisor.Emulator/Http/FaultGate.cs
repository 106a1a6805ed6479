using CallSupervisor.Emulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CallSupervisor.Emulator.Http;

/// <summary>Injected REST latency and failures, shared by the ACS and Graph endpoints.</summary>
internal sealed class FaultGate(FaultState faults, TimeProvider timeProvider)
{
    public static string OperationOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "unknown";

    /// <summary>Waits the injected latency, then returns a failure to answer with, if one is pending for this operation.</summary>
    public async Task<InjectedFailure?> BeforeAsync(string operation, CancellationToken ct)
    {
        if (faults.RestLatency is { } latency && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, ct);
        }
        return faults.TryConsumeFailure(operation);
    }

    public static string Code(InjectedFailure failure) => failure.ErrorCode ?? failure.StatusCode switch
    {
        StatusCodes.Status429TooManyRequests => "TooManyRequests",
        StatusCodes.Status500InternalServerError => "InternalServerError",
        StatusCodes.Status502BadGateway => "BadGateway",
        StatusCodes.Status503ServiceUnavailable => "ServiceUnavailable",
        StatusCodes.Status504GatewayTimeout => "GatewayTimeout",
        _ => "Error" + failure.StatusCode,
    };

    public static string Message(InjectedFailure failure) =>
        failure.ErrorMessage ?? $"The service could not process the request (status {failure.StatusCode}, injected by the emulator). Retry after a delay.";
}
