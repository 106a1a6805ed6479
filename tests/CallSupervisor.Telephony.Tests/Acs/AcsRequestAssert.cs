using CallSupervisor.Telephony.Acs.Auth;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>Checks shared by the request tests.</summary>
internal static class AcsRequestAssert
{
    public static void Target(RecordedRequest request, HttpMethod method, string path)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal("contoso.communications.azure.com", request.Uri.Host);
        Assert.Equal(path, request.Uri.AbsolutePath);
        Assert.Equal("?api-version=2024-09-15", request.Uri.Query);
    }

    /// <summary>x-ms-date, content hash and an HMAC signature that verifies with the test key.</summary>
    public static void Signed(RecordedRequest request)
    {
        var date = request.Header("x-ms-date");
        Assert.NotNull(date);
        Assert.Equal(AcsRequestSigner.ComputeContentHash(request.Body), request.Header("x-ms-content-sha256"));
        var expected = AcsRequestSigner.ComputeSignature(
            AcsRequestSigner.StringToSign(request.Method.Method, request.Uri.PathAndQuery, date, request.Uri.Authority, AcsRequestSigner.ComputeContentHash(request.Body)),
            TestClients.AccessKey);
        Assert.Equal(expected, AcsRequestSigner.ParseSignature(request.Header("Authorization")));
    }

    public static void JsonBody(RecordedRequest request)
    {
        Assert.Equal("application/json", request.ContentHeaders?.ContentType?.MediaType);
    }

    /// <summary>A v4 UUID and an IMF-fixdate, as the contract asks.</summary>
    public static void Repeatable(RecordedRequest request)
    {
        Assert.True(Guid.TryParseExact(request.Header("Repeatability-Request-ID"), "D", out var id));
        Assert.Equal(4, id.Version);
        Assert.Equal("Sat, 21 Nov 2026 10:00:00 GMT", request.Header("Repeatability-First-Sent"));
    }

    public static void NotRepeatable(RecordedRequest request)
    {
        Assert.Null(request.Header("Repeatability-Request-ID"));
        Assert.Null(request.Header("Repeatability-First-Sent"));
    }
}
