using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CallSupervisor.Testing;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Web.Tests.Telemetry;

public sealed class LogMaskingTests : IAsyncLifetime
{
    private readonly InformationLogs _logs = new();
    private readonly CallbackAppFactory _app;

    // Workflow off: an incoming call is logged as not answered, with its caller.
    public LogMaskingTests() => _app = new CallbackAppFactory(callbackAuth: false,
        services: s => s.AddSingleton<ILoggerProvider>(_logs));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task IncomingCall_FromAPhone_LogsTheNumberMasked()
    {
        using var client = _app.CreateClient();
        var body = $$$"""
            [{"id":"mask-1","topic":"/subscriptions/s","subject":"/caller/4:+14255550123/recipient/8:acs:resource_agent",
              "eventType":"Microsoft.Communication.IncomingCall","eventTime":"{{{DateTimeOffset.UtcNow:O}}}","dataVersion":"1.0","metadataVersion":"1",
              "data":{"to":{"kind":"communicationUser","rawId":"8:acs:resource_agent","communicationUser":{"id":"8:acs:resource_agent"}},
                "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
                "serverCallId":"server-1","callerDisplayName":"Caller","incomingCallContext":"eyJhbGciOiJub25lIn0.eyJjYyI6IkgifQ.","correlationId":"corr-1"}}]
            """;

        using var response = await client.PostAsync("/api/callbacks/incoming?key=" + CallbackAppFactory.EventGridKey,
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.UntilAsync(() => Task.FromResult(_logs.Messages), m => m.Any(x => x.Contains("not answered", StringComparison.Ordinal)), "the not-answered line");
        Assert.Contains(_logs.Messages, m => m.Contains("4:+1425555****", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("4255550123", StringComparison.Ordinal));
    }

    /// <summary>Every message of information level and above, formatted.</summary>
    private sealed class InformationLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
