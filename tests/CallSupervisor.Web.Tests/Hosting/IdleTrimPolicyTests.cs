using CallSupervisor.Web.Hosting;

namespace CallSupervisor.Web.Tests.Hosting;

/// <summary>The idle trim collects once a busy spell is over and the collector holds memory the heap does not need.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long MB = 1L << 20;

    [Fact]
    public void ShouldTrim_QuietAfterABusySpellWithMemoryToGiveBack_IsTrue() =>
        Assert.True(IdleTrimPolicy.ShouldTrim(allocatedInInterval: 2 * MB, allocatedInPreviousInterval: 500 * MB, allocatedSinceTrim: 900 * MB, committedBytes: 400 * MB, heapBytes: 60 * MB));

    [Fact]
    public void ShouldTrim_StillBusy_IsFalse() =>
        Assert.False(IdleTrimPolicy.ShouldTrim(allocatedInInterval: 900 * MB, allocatedInPreviousInterval: 500 * MB, allocatedSinceTrim: 900 * MB, committedBytes: 400 * MB, heapBytes: 60 * MB));

    [Fact]
    public void ShouldTrim_NothingAllocatedSinceTheLastTrim_IsFalse() =>
        Assert.False(IdleTrimPolicy.ShouldTrim(allocatedInInterval: 2 * MB, allocatedInPreviousInterval: 500 * MB, allocatedSinceTrim: 10 * MB, committedBytes: 400 * MB, heapBytes: 60 * MB));

    [Fact]
    public void ShouldTrim_TheCollectorHoldsLittleBeyondTheHeap_IsFalse() =>
        Assert.False(IdleTrimPolicy.ShouldTrim(allocatedInInterval: 2 * MB, allocatedInPreviousInterval: 500 * MB, allocatedSinceTrim: 900 * MB, committedBytes: 80 * MB, heapBytes: 60 * MB));

    [Fact]
    public void ShouldTrim_ASteadyTrickleThatNeverMakesAnIntervalBusy_IsFalse() =>
        Assert.False(IdleTrimPolicy.ShouldTrim(allocatedInInterval: 30 * MB, allocatedInPreviousInterval: 30 * MB, allocatedSinceTrim: 300 * MB, committedBytes: 400 * MB, heapBytes: 60 * MB));
}
