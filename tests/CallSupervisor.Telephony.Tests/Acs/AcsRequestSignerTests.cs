using System.Net;
using System.Text;
using CallSupervisor.Telephony.Acs.Auth;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

public sealed class AcsRequestSignerTests
{
    private const string Date = "Sat, 21 Nov 2026 10:00:00 GMT";
    private const string Host = "contoso.communication.azure.com";
    private const string PathAndQuery = "/calling/callConnections/18dea47f-b081-4107-9a5c-4300819d2c6c/participants:mute?api-version=2024-09-15";
    private const string Body = """{"operationContext":"mute participant"}""";

    // Computed independently with Python's hmac/hashlib (not with the code under test):
    // python3 -c "import hmac,hashlib,base64;key='Y2FsbC1zdXBlcnZpc29yLXRlc3QtYWNjZXNzLWtleSE=';
    //   body=b'{\"operationContext\":\"mute participant\"}';h=base64.b64encode(hashlib.sha256(body).digest()).decode();
    //   sts='POST\n/calling/callConnections/18dea47f-b081-4107-9a5c-4300819d2c6c/participants:mute?api-version=2024-09-15\n'
    //       +'Sat, 21 Nov 2026 10:00:00 GMT;contoso.communication.azure.com;'+h;
    //   print(h, base64.b64encode(hmac.new(base64.b64decode(key),sts.encode(),hashlib.sha256).digest()).decode())"
    private const string ExpectedContentHash = "NngiD5wzMygfShBLbiT//Pml94jNCMRsVBH4qzETCQM=";
    private const string ExpectedSignature = "ba6MoniN9IP3a8PZA6WbHNArlLZSzhS8+BJVILh1dj4=";

    [Fact]
    public void ComputeSignature_FixedInputs_MatchesIndependentPythonHmac()
    {
        var hash = AcsRequestSigner.ComputeContentHash(Encoding.UTF8.GetBytes(Body));
        var stringToSign = AcsRequestSigner.StringToSign("post", PathAndQuery, Date, Host, hash);

        Assert.Equal(ExpectedContentHash, hash);
        Assert.Equal(ExpectedSignature, AcsRequestSigner.ComputeSignature(stringToSign, TestClients.AccessKey));
    }

    [Fact]
    public void ComputeContentHash_EmptyBody_IsSha256OfEmptyInput()
    {
        // python3 -c "import hashlib,base64;print(base64.b64encode(hashlib.sha256(b'').digest()).decode())"
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsRequestSigner.ComputeContentHash([]));
    }

    [Fact]
    public void FormatDate_Instant_IsImfFixdate()
    {
        Assert.Equal(Date, AcsRequestSigner.FormatDate(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task SendAsync_HmacHandler_SetsHeadersWithIndependentSignature()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);
        var time = new InstantTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        using var client = new HttpClient(new AcsHmacAuthenticationHandler(TestClients.AccessKey, time) { InnerHandler = recorder });

        using var request = new HttpRequestMessage(HttpMethod.Post, "https://" + Host + PathAndQuery) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, CancellationToken.None);

        var sent = Assert.Single(recorder.Requests);
        Assert.Equal(Date, sent.Header("x-ms-date"));
        Assert.Equal(ExpectedContentHash, sent.Header("x-ms-content-sha256"));
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={ExpectedSignature}", sent.Header("Authorization"));
        Assert.Equal(ExpectedSignature, AcsRequestSigner.ParseSignature(sent.Header("Authorization")));
    }

    [Fact]
    public async Task SendAsync_NonDefaultPort_SignsHostWithPort()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);
        var time = new InstantTimeProvider();
        using var client = new HttpClient(new AcsHmacAuthenticationHandler(TestClients.AccessKey, time) { InnerHandler = recorder });

        using var response = await client.GetAsync("http://localhost:5123/calling/callConnections/x?api-version=2024-09-15", CancellationToken.None);

        var sent = Assert.Single(recorder.Requests);
        var expected = AcsRequestSigner.ComputeSignature(
            AcsRequestSigner.StringToSign("GET", "/calling/callConnections/x?api-version=2024-09-15", sent.Header("x-ms-date")!, "localhost:5123", AcsRequestSigner.ComputeContentHash([])),
            TestClients.AccessKey);
        Assert.Equal(expected, AcsRequestSigner.ParseSignature(sent.Header("Authorization")));
    }
}
