using System.Diagnostics;
using CallSupervisor.Core.EventLog;

namespace CallSupervisor.Core.Tests.Diagnostics;

public sealed class LogRecordContextTests
{
    private static readonly CallEvent Event = new CallDisconnected("e1", new CallId("call-1"), DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void LogRecord_Default_CarriesNoTrace() =>
        Assert.Equal(default, new LogRecord("1", "a", Event).Context);

    [Fact]
    public void LogRecord_WithContext_CarriesIt()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var record = new LogRecord("1", "a", Event) { Context = context };

        Assert.Equal(context, record.Context);
        Assert.Equal(new LogRecord("1", "a", Event) { Context = context }, record);
    }
}
