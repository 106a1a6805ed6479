using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Ports;

/// <summary>The Repeatability headers: what the contract asks of the request id, and stable for the same request.</summary>
public sealed class RepeatabilityTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, 400, TimeSpan.Zero);

    [Theory]
    [InlineData("offer:1")]
    [InlineData("supervisor-remove:0123456789abcdef")]
    [InlineData("")]
    public void For_AnyContext_IsAVersion4UuidWithTheRfcVariant(string context)
    {
        var id = Repeatability.For(context, At).RequestId;

        // The contract: "Repeatability-Request-ID … a version 4 (random) UUID".
        Assert.Equal(4, id.Version);
        Assert.Equal('4', id.ToString("D")[14]);
        Assert.Contains(id.ToString("D")[19], "89ab");
    }

    [Fact]
    public void For_SameContextAndTime_SameIdEveryTime()
    {
        Assert.Equal(Repeatability.For("offer:1", At), Repeatability.For("offer:1", At.AddMilliseconds(100)));
        Assert.NotEqual(Repeatability.For("offer:1", At).RequestId, Repeatability.For("offer:1 ", At).RequestId);
    }
}
