using System.Diagnostics;
using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Core.Tests.Diagnostics;

public sealed class TraceParentTests
{
    [Fact]
    public void Format_ThenParse_GivesTheSameContext()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        var parsed = TraceParent.Parse(TraceParent.Format(context));

        Assert.Equal(context.TraceId, parsed.TraceId);
        Assert.Equal(context.SpanId, parsed.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, parsed.TraceFlags);
        Assert.Equal($"00-{context.TraceId}-{context.SpanId}-01", TraceParent.Format(context));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a traceparent")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    public void Parse_NoValidTraceparent_IsDefault(string? value) =>
        Assert.Equal(default, TraceParent.Parse(value));
}
