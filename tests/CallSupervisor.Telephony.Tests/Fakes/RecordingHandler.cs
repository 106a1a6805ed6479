using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>A request as it reached the wire (after every handler), with its body read at send time.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, HttpContentHeaders? ContentHeaders, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>
/// The innermost handler of a test HttpClient: records every request and answers from a script, in order. The
/// last scripted step repeats when the script runs out.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public RecordingHandler Respond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        return Respond(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return response;
        });
    }

    public RecordingHandler Respond(Func<HttpRequestMessage, HttpResponseMessage> step)
    {
        _script.Add((request, _) => Task.FromResult(step(request)));
        return this;
    }

    public RecordingHandler Throw(Exception exception)
    {
        _script.Add((_, _) => throw exception);
        return this;
    }

    /// <summary>
    /// Never answers: the attempt ends only when its token is cancelled. <paramref name="onHang"/> runs first
    /// (e.g. to fire the attempt's timeout on a fake clock).
    /// </summary>
    public RecordingHandler Hang(Action onHang)
    {
        _script.Add(async (_, token) =>
        {
            onHang();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>
    /// The headers as they are now: a retry sends the same message again, and its signing handler replaces the
    /// date and signature of the attempt recorded before.
    /// </summary>
    private static HttpRequestHeaders Snapshot(HttpRequestHeaders headers)
    {
        var copy = new HttpRequestMessage().Headers;
        foreach (var header in headers)
        {
            copy.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, Snapshot(request.Headers), request.Content?.Headers, body));
            if (_script.Count == 0)
            {
                throw new InvalidOperationException($"No scripted response for {request.Method} {request.RequestUri}.");
            }

            step = _script[Math.Min(_requests.Count - 1, _script.Count - 1)];
        }

        var response = await step(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
