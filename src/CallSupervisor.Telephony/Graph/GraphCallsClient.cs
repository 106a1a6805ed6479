using System.Net.Http.Headers;
using System.Text.Json;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Graph;

/// <summary>
/// Microsoft Graph cloud communications for Graph-hosted (Teams bot) calls, as a typed HttpClient with a bearer
/// token handler (client credentials, or the emulator's static token).
/// </summary>
/// <remarks>
/// Why not the Microsoft.Graph SDK: the dashboard needs exactly one endpoint
/// (<c>POST communications/calls/{id}/cancelMediaProcessing</c>). Microsoft.Graph 5.92 restores on this feed
/// but brings the whole generated Graph surface (tens of MB, Kiota runtime) for that single call, and 6.x does
/// not restore at all; a typed HttpClient also shares the retry and error mapping of the ACS client and is
/// trivially pointed at the emulator.
/// </remarks>
public sealed partial class GraphCallsClient : IGraphCallsPort
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly GraphOptions _options;
    private readonly ILogger _logger;
    private readonly TelephonyHttpSender _sender;

    public GraphCallsClient(HttpClient httpClient, IOptions<GraphOptions> options, TimeProvider timeProvider, ILogger<GraphCallsClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        var pipeline = TransientHttpPipeline.Create(_options.Retry, timeProvider, (attempt, reason) => LogRetry(_logger, attempt, reason));
        _sender = new TelephonyHttpSender(httpClient, pipeline);
    }

    public async Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.BaseUri, "communications/calls/" + Uri.EscapeDataString(callId.Value) + "/cancelMediaProcessing");
        var body = JsonSerializer.SerializeToUtf8Bytes(new CancelMediaProcessingRequest(clientContext), GraphJsonContext.Default.CancelMediaProcessingRequest);
        var result = await _sender.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } } },
            ReadOperationAsync,
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            LogFailed(_logger, callId.Value, result.Error!);
        }

        return result;
    }

    // 200 with a commsOperation: the body is read only to confirm it is one; the outcome arrives as notifications.
    private static async Task<TelephonyResult<Unit>> ReadOperationAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, GraphJsonContext.Default.CommsOperation, cancellationToken).ConfigureAwait(false);
        return read.IsSuccess ? TelephonyResult<Unit>.Ok(Unit.Value) : TelephonyResult<Unit>.Fail(read.Error!);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph request attempt {Attempt} failed transiently ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph cancelMediaProcessing for call {CallId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string callId, TelephonyError error);
}
