using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Acs.Wire;

namespace CallSupervisor.Telephony.Tests.Acs;

public sealed class IdentifierMapperTests
{
    [Theory]
    // Full response form.
    [InlineData("""{"kind":"communicationUser","rawId":"8:acs:r_u1","communicationUser":{"id":"8:acs:r_u1"}}""", IdentifierKind.CommunicationUser, "8:acs:r_u1", "8:acs:r_u1")]
    // kind missing: inferred from the populated sub-object; rawId missing: rebuilt.
    [InlineData("""{"phoneNumber":{"value":"+14255550123"}}""", IdentifierKind.PhoneNumber, "4:+14255550123", "+14255550123")]
    [InlineData("""{"microsoftTeamsUser":{"userId":"aad-1"}}""", IdentifierKind.MicrosoftTeamsUser, "8:orgid:aad-1", "aad-1")]
    [InlineData("""{"microsoftTeamsUser":{"userId":"aad-2","cloud":"gcch"}}""", IdentifierKind.MicrosoftTeamsUser, "8:gcch:aad-2", "aad-2")]
    [InlineData("""{"microsoftTeamsUser":{"userId":"anon","isAnonymous":true}}""", IdentifierKind.MicrosoftTeamsUser, "8:teamsvisitor:anon", "anon")]
    [InlineData("""{"microsoftTeamsApp":{"appId":"app-1"}}""", IdentifierKind.MicrosoftTeamsApp, "28:orgid:app-1", "app-1")]
    // Only rawId: kind and value from the prefix.
    [InlineData("""{"rawId":"4:+14255550123"}""", IdentifierKind.PhoneNumber, "4:+14255550123", "+14255550123")]
    [InlineData("""{"rawId":"8:acs:r_u2"}""", IdentifierKind.CommunicationUser, "8:acs:r_u2", "8:acs:r_u2")]
    [InlineData("""{"rawId":"28:orgid:app-2"}""", IdentifierKind.MicrosoftTeamsApp, "28:orgid:app-2", "app-2")]
    [InlineData("""{"rawId":"99:something"}""", IdentifierKind.Unknown, "99:something", "99:something")]
    [InlineData("""{"kind":"unknown","rawId":"x:y"}""", IdentifierKind.Unknown, "x:y", "x:y")]
    // A kind this version does not know: inferred like a missing one.
    [InlineData("""{"kind":"futureKind","rawId":"8:acs:r_u3"}""", IdentifierKind.CommunicationUser, "8:acs:r_u3", "8:acs:r_u3")]
    public void FromModel_PartialModels_InfersKindRawIdAndValue(string json, IdentifierKind kind, string rawId, string value)
    {
        var model = JsonSerializer.Deserialize(json, AcsJsonContext.Default.CommunicationIdentifierModel);

        Assert.Equal(new CommunicationIdentifier(kind, rawId, value), IdentifierMapper.FromModel(model, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void FromModel_EmptyModel_ReturnsError()
    {
        Assert.Null(IdentifierMapper.FromModel(new CommunicationIdentifierModel(), out var error));
        Assert.Contains("neither a rawId", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToModel_EachKind_RoundTrips()
    {
        CommunicationIdentifier[] identifiers =
        [
            CommunicationIdentifier.AcsUser("8:acs:r_u1"),
            CommunicationIdentifier.Phone("+14255550123"),
            CommunicationIdentifier.TeamsUser("aad-1"),
            new(IdentifierKind.MicrosoftTeamsUser, "8:dod:aad-3", "aad-3"),
            CommunicationIdentifier.TeamsApp("app-1"),
            new(IdentifierKind.Unknown, "x:y", "x:y"),
        ];

        foreach (var identifier in identifiers)
        {
            Assert.Equal(identifier, IdentifierMapper.FromModel(IdentifierMapper.ToModel(identifier), out _));
        }
    }
}
