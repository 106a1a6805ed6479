using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

public sealed class AcsConnectionStringTests
{
    [Fact]
    public void Parse_ValidString_ReturnsEndpointWithSlashAndKey()
    {
        var parsed = AcsConnectionString.Parse($"endpoint=https://contoso.communication.azure.com;accesskey={TestClients.AccessKey}");

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal(TestClients.AccessKey, parsed.AccessKey);
    }

    [Fact]
    public void Parse_NamesInAnyCaseAndOrderWithSpaces_Parses()
    {
        var parsed = AcsConnectionString.Parse($" AccessKey={TestClients.AccessKey} ; Endpoint=http://localhost:5123/ ;");

        Assert.Equal(new Uri("http://localhost:5123/"), parsed.Endpoint);
        Assert.Equal(TestClients.AccessKey, parsed.AccessKey);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("accesskey=Y2FsbA==", "no 'endpoint=' value")]
    [InlineData("endpoint=https://contoso.communication.azure.com", "no 'accesskey=' value")]
    [InlineData("endpoint=contoso.communication.azure.com;accesskey=Y2FsbA==", "not an absolute http(s) URL")]
    [InlineData("endpoint=ftp://contoso;accesskey=Y2FsbA==", "not an absolute http(s) URL")]
    [InlineData("endpoint=https://contoso.communication.azure.com;accesskey=not*base64", "not valid base64")]
    [InlineData("endpoint=https://contoso.communication.azure.com;garbage", "without 'name=value'")]
    public void TryParse_InvalidString_ExplainsWhatIsWrong(string value, string expectedFragment)
    {
        Assert.False(AcsConnectionString.TryParse(value, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => AcsConnectionString.Parse(value));
    }

    [Fact]
    public void ToString_Always_HidesTheKey()
    {
        var parsed = AcsConnectionString.Parse($"endpoint=https://contoso.communication.azure.com;accesskey={TestClients.AccessKey}");

        Assert.DoesNotContain(TestClients.AccessKey, parsed.ToString(), StringComparison.Ordinal);
    }
}
