using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The YARP sample in front of two small servers: callbacks spread round-robin, a browser stays on the instance
/// its affinity cookie names (pages and WebSockets), a stopped instance is skipped and its browsers move, and the
/// forwarded headers reach the instance.
/// </summary>
public sealed class LoadBalancerTests : IAsyncLifetime
{
    private const string AffinityCookie = ".CallSupervisor.Instance";
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-lb-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private TinyInstance _a = null!;
    private TinyInstance _b = null!;
    private LoadBalancerProcess _balancer = null!;

    public async Task InitializeAsync()
    {
        _a = await TinyInstance.StartAsync("A");
        _b = await TinyInstance.StartAsync("B");
        // A stopped instance stays out for the whole test once it has failed.
        _balancer = await LoadBalancerProcess.StartAsync(_home, [_a.BaseAddress, _b.BaseAddress],
            new Dictionary<string, string> { ["LoadBalancer:PassiveHealth:ReactivationPeriod"] = "00:05:00" });
        _http.BaseAddress = _balancer.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _balancer.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task Callbacks_alternate_between_the_instances_and_pin_nothing()
    {
        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await _http.PostAsync("api/callbacks/acs", new StringContent("[]", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), "a callback must not get an affinity cookie");
            served.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(3, served.Count(s => s == "A"));
        Assert.Equal(3, served.Count(s => s == "B"));
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_browser_stays_on_the_instance_its_cookie_names_while_new_browsers_go_elsewhere()
    {
        var first = await PageAsync(cookie: null);
        // An open WebSocket (a circuit) makes that instance the busier one, so the next new browser goes to the other.
        using var circuit = await OpenWebSocketAsync(first.Cookie);
        Assert.Equal($"{first.Instance}: hi", await EchoAsync(circuit, "hi"));
        var second = await PageAsync(cookie: null);
        Assert.NotEqual(first.Instance, second.Instance);
        Assert.NotEqual(first.Cookie, second.Cookie);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first.Instance, (await PageAsync(first.Cookie)).Instance);
            Assert.Equal(second.Instance, (await PageAsync(second.Cookie)).Instance);
        }
    }

    [Fact]
    public async Task A_WebSocket_upgrade_passes_through_to_the_pinned_instance()
    {
        var page = await PageAsync(cookie: null);
        using var socket = await OpenWebSocketAsync(page.Cookie);
        Assert.Equal($"{page.Instance}: one", await EchoAsync(socket, "one"));
        Assert.Equal($"{page.Instance}: two", await EchoAsync(socket, "two"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task Callbacks_skip_a_stopped_instance()
    {
        await _a.StopAsync();
        var statuses = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await _http.PostAsync("api/callbacks/acs", new StringContent("[]", Encoding.UTF8, "application/json"));
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        var report = string.Join(", ", statuses.Select(s => $"{(int)s.Status} {s.Body}")) + "\n" + _balancer.Output;
        // At most the first request to A fails (502; ACS resends it, and the resend goes to B); after that A is out.
        Assert.True(statuses.Count(s => s.Status == HttpStatusCode.BadGateway) <= 1, report);
        Assert.All(statuses.Where(s => s.Status != HttpStatusCode.BadGateway), s => Assert.Equal((HttpStatusCode.OK, "B"), s));
        Assert.All(statuses.TakeLast(6), s => Assert.Equal((HttpStatusCode.OK, "B"), s));
    }

    [Fact]
    public async Task The_browsers_of_a_stopped_instance_move_to_another_and_stay_there()
    {
        var pinned = await PageAsync(cookie: null);
        var (dead, alive) = pinned.Instance == _a.Name ? (_a, _b) : (_b, _a);
        await dead.StopAsync();

        // The first request may still be sent to the stopped instance (502) and takes it out; the next one moves.
        var failures = 0;
        var moved = await PageAsync(pinned.Cookie);
        while (moved.Status == HttpStatusCode.BadGateway && ++failures <= 1)
        {
            moved = await PageAsync(pinned.Cookie);
        }
        Assert.True(moved.Status == HttpStatusCode.OK, $"still {(int)moved.Status} after {failures} failed tries\n{_balancer.Output}");
        Assert.Equal(alive.Name, moved.Instance);
        Assert.NotNull(moved.NewCookie);
        Assert.NotEqual(pinned.Cookie, moved.NewCookie);
        Assert.Equal(alive.Name, (await PageAsync(moved.NewCookie)).Instance);
    }

    [Fact]
    public async Task The_instance_sees_the_public_host_and_the_forwarded_headers_the_balancer_set()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "headers");
        // A client's own X-Forwarded-For is replaced: the balancer is the edge.
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var seen = (await response.Content.ReadFromJsonAsync<ForwardedView>())!;
        Assert.Equal(_balancer.BaseAddress.Authority, seen.Host);
        Assert.Equal(_balancer.BaseAddress.Authority, seen.ForwardedHost);
        Assert.Equal("127.0.0.1", seen.ForwardedFor);
        Assert.Equal("http", seen.ForwardedProto);
    }

    [Theory]
    [InlineData(null, "LoadBalancer:Destinations needs at least one app instance")]
    [InlineData("ftp://127.0.0.1/", "LoadBalancer:Destinations:0 must be an absolute http or https URL")]
    [InlineData("/relative", "LoadBalancer:Destinations:0 must be an absolute http or https URL")]
    public async Task Invalid_settings_stop_the_balancer_at_start_naming_the_setting(string? destination, string expected)
    {
        var settings = destination is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["LoadBalancer:Destinations:0"] = destination };
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => LoadBalancerProcess.StartAsync(Path.Combine(_home, "invalid"), [], settings));
        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
    }

    /// <summary>A page request as a browser with (or without) an affinity cookie makes it.</summary>
    private async Task<PageAnswer> PageAsync(string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{AffinityCookie}={cookie}");
        }
        using var response = await _http.SendAsync(request);
        var issued = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(AffinityCookie + "=", StringComparison.Ordinal))?[(AffinityCookie.Length + 1)..]
            : null;
        return new PageAnswer(await response.Content.ReadAsStringAsync(), issued ?? cookie ?? "", response.StatusCode, issued);
    }

    private async Task<ClientWebSocket> OpenWebSocketAsync(string cookie)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", $"{AffinityCookie}={cookie}");
        var address = new UriBuilder(_balancer.BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(address, timeout.Token);
        return socket;
    }

    private static async Task<string> EchoAsync(ClientWebSocket socket, string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }
}

/// <summary>Who served a page, the affinity cookie the browser holds afterwards, and the one issued with it if any.</summary>
internal sealed record PageAnswer(string Instance, string Cookie, HttpStatusCode Status, string? NewCookie);
