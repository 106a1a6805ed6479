using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CallSupervisor.Emulator;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Posts ACS callbacks as ACS does: a JSON array of CloudEvents (the emulator's shape, Delivery/EventFactory and
/// Wire/AcsEvents) with <c>Authorization: Bearer</c> a JWT signed by the emulator's callback key. One token is
/// reused for a minute, as ACS reuses its tokens: minting one per request would put an RSA signature per event in
/// the driver, which shares the machine's two cores with the server it measures.
/// </summary>
public sealed class CallbackDriver : IDisposable
{
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(1);
    private readonly EmulatorHost _emulator;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private string _token = "";
    private long _mintedAt;

    /// <summary>Posts through at most <paramref name="connections"/> HTTP/1.1 connections (one request at a time each), signing with <paramref name="emulator"/>'s key.</summary>
    public CallbackDriver(EmulatorHost emulator, int connections)
    {
        _emulator = emulator;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            DefaultRequestVersion = new Version(1, 1),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    private string Token
    {
        get
        {
            lock (_gate)
            {
                if (_token.Length == 0 || Stopwatch.GetElapsedTime(_mintedAt) > TokenReuse)
                {
                    _token = _emulator.CreateCallbackToken();
                    _mintedAt = Stopwatch.GetTimestamp();
                }
                return _token;
            }
        }
    }

    /// <summary>Posts one body of CloudEvents; returns the status code (0 when the request failed without one).</summary>
    public async Task<int> PostAsync(Uri target, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// The roster feed of one seeded call: each <see cref="Next"/> is a ParticipantsUpdated with a higher sequenceNumber
/// than the last (starting far above the emulator's own, which counts joins from 1) and the first ACS user's mute
/// flipped, so every event is a real change to the board.
/// </summary>
public sealed class RosterFeed(SeededCall call)
{
    private const int FirstSequence = 1000;
    private int _sequence = FirstSequence;
    private bool _muted;

    public SeededCall Call { get; } = call;

    /// <summary>The ACS user whose mute flips.</summary>
    public string FlippedUser => Call.Users[0];

    /// <summary>The mute of <see cref="FlippedUser"/> in the last event the server acknowledged (what its board must end on).</summary>
    public bool? AcknowledgedMuted { get; private set; }

    /// <summary>The server answered 200 to the post holding this feed's event with <paramref name="muted"/>.</summary>
    public void Acknowledge(bool muted) => AcknowledgedMuted = muted;

    /// <summary>Not thread-safe: each feed is driven by one sender at a time.</summary>
    public (string Event, bool Muted) Next()
    {
        _muted = !_muted;
        _sequence++;
        return (CloudEvent(_sequence, _muted), _muted);
    }

    public static string Array(string cloudEvent) => "[" + cloudEvent + "]";

    public static string Array(IEnumerable<string> cloudEvents) => "[" + string.Join(',', cloudEvents) + "]";

    private string CloudEvent(int sequence, bool muted)
    {
        var id = Call.CallId;
        var text = new StringBuilder(640);
        text.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{Guid.NewGuid()}\",\"source\":\"calling/callConnections/{id}\",");
        text.Append("\"type\":\"Microsoft.Communication.ParticipantsUpdated\",\"data\":{");
        text.Append(CultureInfo.InvariantCulture, $"\"callConnectionId\":\"{id}\",\"serverCallId\":\"{Call.ServerCallId}\",\"correlationId\":\"{Call.CorrelationId}\",");
        text.Append(CultureInfo.InvariantCulture,
            $"\"participants\":[{{\"identifier\":{{\"kind\":\"phoneNumber\",\"rawId\":\"4:{Call.CallerE164}\",\"phoneNumber\":{{\"value\":\"{Call.CallerE164}\"}}}},\"isMuted\":false,\"isOnHold\":false}}");
        for (var i = 0; i < Call.Users.Count; i++)
        {
            var user = Call.Users[i];
            var userMuted = i == 0 && muted ? "true" : "false";
            text.Append(CultureInfo.InvariantCulture,
                $",{{\"identifier\":{{\"kind\":\"communicationUser\",\"rawId\":\"{user}\",\"communicationUser\":{{\"id\":\"{user}\"}}}},\"isMuted\":{userMuted},\"isOnHold\":false}}");
        }
        text.Append(CultureInfo.InvariantCulture, $"],\"sequenceNumber\":{sequence}}},");
        text.Append(CultureInfo.InvariantCulture, $"\"time\":\"{DateTime.UtcNow:O}\",\"specversion\":\"1.0\",\"datacontenttype\":\"application/json\",\"subject\":\"calling/callConnections/{id}\"}}");
        return text.ToString();
    }
}
