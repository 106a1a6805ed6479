namespace CallSupervisor.Core.Tests.Identifiers;

public sealed class CommunicationIdentifierTests
{
    [Theory]
    [InlineData("4:+14255550123", IdentifierKind.PhoneNumber, "+14255550123")]
    [InlineData("8:acs:res_user-1", IdentifierKind.CommunicationUser, "8:acs:res_user-1")]
    [InlineData("8:orgid:0000-1111", IdentifierKind.MicrosoftTeamsUser, "0000-1111")]
    [InlineData("28:orgid:app-1", IdentifierKind.MicrosoftTeamsApp, "app-1")]
    [InlineData("something-else", IdentifierKind.Unknown, "something-else")]
    public void FromRawId_ReadsKindAndValue(string rawId, IdentifierKind kind, string value)
    {
        var id = CommunicationIdentifier.FromRawId(rawId);

        Assert.Equal(kind, id.Kind);
        Assert.Equal(rawId, id.RawId);
        Assert.Equal(value, id.Value);
    }

    [Fact]
    public void FromRawId_RoundTripsFactories()
    {
        Assert.Equal(CommunicationIdentifier.Phone("+1425"), CommunicationIdentifier.FromRawId("4:+1425"));
        Assert.Equal(CommunicationIdentifier.TeamsUser("u"), CommunicationIdentifier.FromRawId("8:orgid:u"));
        Assert.Equal(CommunicationIdentifier.TeamsApp("a"), CommunicationIdentifier.FromRawId("28:orgid:a"));
    }

    [Fact]
    public void CanBeMuted_OnlyForAcsUsers()
    {
        Assert.True(CommunicationIdentifier.AcsUser("8:acs:x").CanBeMuted);
        Assert.False(CommunicationIdentifier.Phone("+1").CanBeMuted);
        Assert.False(CommunicationIdentifier.TeamsUser("t").CanBeMuted);
    }
}
