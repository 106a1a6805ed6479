using CallSupervisor.Telephony.Http;

namespace CallSupervisor.Telephony.Tests.Http;

public sealed class TelephonyMetricsHandlerTests
{
    [Theory]
    [InlineData("POST", "https://acs.example/calling/callConnections/abc-123/participants:mute?api-version=2024-09-15", "POST callConnections/{id}/participants:mute")]
    [InlineData("GET", "https://acs.example/calling/callConnections/abc-123?api-version=2024-09-15", "GET callConnections/{id}")]
    [InlineData("POST", "https://acs.example/calling/callConnections/abc-123:terminate", "POST callConnections/{id}:terminate")]
    [InlineData("POST", "https://acs.example/calling/recordings/rec-9:pause", "POST recordings/{id}:pause")]
    [InlineData("POST", "https://graph.example/v1.0/communications/calls/c-1/cancelMediaProcessing", "POST calls/{id}/cancelMediaProcessing")]
    [InlineData("POST", "https://graph.example/v1.0/communications/calls/c-1/participants/p-2/mute", "POST calls/{id}/participants/{id}/mute")]
    [InlineData("POST", "calling/callConnections:answer?api-version=2024-09-15", "POST callConnections:answer")]
    public void OperationOf_RequestUri_IdsReplacedQueryDropped(string method, string uri, string expected)
    {
        Assert.Equal(expected, TelephonyMetricsHandler.OperationOf(new HttpMethod(method), new Uri(uri, UriKind.RelativeOrAbsolute)));
    }
}
