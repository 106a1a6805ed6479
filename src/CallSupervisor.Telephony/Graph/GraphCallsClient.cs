using System.Net.Http.Headers;
using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Graph;

/// <summary>
/// Microsoft Graph cloud communications for Graph-hosted (Teams bot) calls, as a typed HttpClient with a bearer
/// token handler (client credentials, or the emulator's static token) behind the resilience handler.
/// </summary>
/// <remarks>
/// Why not the Microsoft.Graph SDK (6.10.0 restores on this feed, with the Kiota 2.1.6 packages and Std.UriTemplate
/// 2.0.13 named): the dashboard needs three endpoints (cancelMediaProcessing, GET call, GET participants), the SDK's
/// DLL alone is 45.6 MB, and its token providers send a token only to hosts on their allowed list, which the
/// emulator's base URL would have to join. A typed HttpClient shares the resilience handler and error mapping of the
/// ACS client and is trivially pointed at the emulator.
/// </remarks>
public sealed partial class GraphCallsClient : IGraphCallsPort
{
    /// <summary>Stops paging when a service keeps returning nextLinks.</summary>
    internal const int MaxParticipantPages = 50;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly GraphOptions _options;
    private readonly ILogger _logger;
    private readonly TelephonyHttpSender _sender;

    public GraphCallsClient(HttpClient httpClient, IOptions<GraphOptions> options, TimeProvider timeProvider, ILogger<GraphCallsClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        _sender = new TelephonyHttpSender(httpClient, timeProvider);
    }

    public async Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new CancelMediaProcessingRequest(clientContext), GraphJsonContext.Default.CancelMediaProcessingRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, CallUri(callId, "/cancelMediaProcessing")) { Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } } };
        var result = await _sender.SendAsync(request, ReadOperationAsync, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            LogFailed(_logger, "cancelMediaProcessing", callId.Value, CallSupervisor.Core.Diagnostics.PhoneMask.InText(result.Error!.ToString()));
        }

        return result;
    }

    public async Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken)
    {
        var result = await _sender.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, CallUri(callId, string.Empty)),
            (response, token) => ReadAsync(response, call => GraphModelMapper.ToCallDetails(callId, call), token),
            cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            LogFailed(_logger, "GET call", callId.Value, CallSupervisor.Core.Diagnostics.PhoneMask.InText(result.Error!.ToString()));
        }

        return result;
    }

    public async Task<TelephonyResult<IReadOnlyList<ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken)
    {
        var participants = new List<ParticipantState>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = CallUri(callId, "/participants");
        while (next is not null)
        {
            if (visited.Count >= MaxParticipantPages || !visited.Add(next.AbsoluteUri))
            {
                return Invalid<IReadOnlyList<ParticipantState>>("The participant list does not end (nextLink repeats or exceeds the page limit).");
            }

            var page = await _sender.SendAsync(
                new HttpRequestMessage(HttpMethod.Get, next),
                (response, token) => ReadAsync(response, p => (Participants: GraphModelMapper.ToParticipants(p).ToList(), Next: GraphModelMapper.NextLink(p)), token),
                cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                LogFailed(_logger, "GET participants", callId.Value, CallSupervisor.Core.Diagnostics.PhoneMask.InText(page.Error!.ToString()));
                return TelephonyResult<IReadOnlyList<ParticipantState>>.Fail(page.Error!);
            }

            participants.AddRange(page.Value.Participants);
            next = null;
            if (page.Value.Next is { Length: > 0 } link)
            {
                // The bearer token must not leave Graph: a nextLink to another host is not followed.
                if (!Uri.TryCreate(_options.BaseUri, link, out var resolved) ||
                    !string.Equals(resolved.GetLeftPart(UriPartial.Authority), _options.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                {
                    return Invalid<IReadOnlyList<ParticipantState>>("The participant list's nextLink does not point to Graph; it was not followed.");
                }

                next = resolved;
            }
        }

        return TelephonyResult<IReadOnlyList<ParticipantState>>.Ok(participants);
    }

    private Uri CallUri(CallId callId, string suffix) => new(_options.BaseUri, "communications/calls/" + Uri.EscapeDataString(callId.Value) + suffix);

    // 200 with a commsOperation: the body is read only to confirm it is one; the outcome arrives as notifications.
    private static async Task<TelephonyResult<Unit>> ReadOperationAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, GraphJsonContext.Default.CommsOperation, cancellationToken).ConfigureAwait(false);
        return read.IsSuccess ? TelephonyResult<Unit>.Ok(Unit.Value) : TelephonyResult<Unit>.Fail(read.Error!);
    }

    /// <summary>Reads a JSON object and maps it; a body that is not one (or maps to nothing) is an InvalidResponse.</summary>
    private static async Task<TelephonyResult<T>> ReadAsync<T>(HttpResponseMessage response, Func<JsonElement, T?> map, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && map(document.RootElement) is { } value
                ? TelephonyResult<T>.Ok(value)
                : Invalid<T>($"The response to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} is not a Graph object.");
        }
        catch (JsonException e)
        {
            return Invalid<T>($"The response to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} is not valid JSON: {e.Message}");
        }
    }

    private static TelephonyResult<T> Invalid<T>(string message) =>
        TelephonyResult<T>.Fail(new TelephonyError(null, TelephonyHttpSender.InvalidResponseCode, message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph {Operation} for call {CallId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string operation, string callId, string? error);
}
