using CallSupervisor.Client.Internal;

namespace CallSupervisor.Client.Tests;

public sealed class HubAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5180", "http://127.0.0.1:5180/hubs/calls")]
    [InlineData("http://127.0.0.1:5180/", "http://127.0.0.1:5180/hubs/calls")]
    [InlineData("https://example.com/supervisor", "https://example.com/supervisor/hubs/calls")]
    [InlineData("https://example.com/supervisor/", "https://example.com/supervisor/hubs/calls")]
    [InlineData("https://example.com/supervisor/?tab=1#top", "https://example.com/supervisor/hubs/calls")]
    public void For_BaseAddress_ResolvesTheHubUnderIt(string baseAddress, string expected)
    {
        Assert.Equal(new Uri(expected), HubAddress.For(new Uri(baseAddress)));
    }

    [Fact]
    public void For_RelativeAddress_Throws()
    {
        Assert.Throws<ArgumentException>(() => HubAddress.For(new Uri("/supervisor/", UriKind.Relative)));
    }
}
