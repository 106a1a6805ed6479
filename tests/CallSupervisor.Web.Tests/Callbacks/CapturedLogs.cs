using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>A logger provider that keeps every message of warning level and above, for tests that check what was said.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public IReadOnlyList<string> Warnings(string containing) =>
        [.. _entries.Where(e => e.Level >= LogLevel.Warning && e.Message.Contains(containing, StringComparison.Ordinal)).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
