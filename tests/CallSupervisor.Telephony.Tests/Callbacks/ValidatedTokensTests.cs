using System.Security.Claims;
using CallSupervisor.Core.Tests;
using CallSupervisor.Telephony.Callbacks;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>The memory of validated callback tokens: until expiry, for the keys they were checked against, bounded.</summary>
public sealed class ValidatedTokensTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly OpenIdConnectConfiguration _keys = new();
    private readonly ClaimsIdentity _identity = new("test");

    private DateTimeOffset In(int seconds) => _time.GetUtcNow().AddSeconds(seconds);

    [Fact]
    public void Find_BySliceOfTheHeader_WithoutTheTokenAsAString()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", _keys, _identity, In(60));

        Assert.Same(_identity, tokens.Find("Bearer t1".AsSpan(7), _keys));
        Assert.Null(tokens.Find("Bearer t12".AsSpan(7), _keys));
        Assert.Null(tokens.Find("Bearer t".AsSpan(7), _keys));
    }

    [Fact]
    public void Find_AfterAdd_UntilItExpires()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", _keys, _identity, In(60));

        Assert.Same(_identity, tokens.Find("t1", _keys));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Same(_identity, tokens.Find("t1", _keys));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find("t1", _keys));
        Assert.Equal(0, tokens.Count);
    }

    [Fact]
    public void Find_OtherKeysInForce_Lapses()
    {
        var tokens = new ValidatedTokens(_time);
        tokens.Add("t1", _keys, _identity, In(60));

        Assert.Null(tokens.Find("t1", new OpenIdConnectConfiguration()));
        Assert.Null(tokens.Find("t1", _keys));
    }

    [Fact]
    public void Find_UnknownToken_Null()
    {
        Assert.Null(new ValidatedTokens(_time).Find("never-seen", _keys));
    }

    [Fact]
    public void Add_Full_DropsExpiredFirstAndOtherwiseKeepsWhatItHas()
    {
        var tokens = new ValidatedTokens(_time, capacity: 2);
        tokens.Add("short", _keys, _identity, In(10));
        tokens.Add("long", _keys, _identity, In(600));

        tokens.Add("refused", _keys, _identity, In(600));
        Assert.Null(tokens.Find("refused", _keys));

        _time.Advance(TimeSpan.FromSeconds(10));
        tokens.Add("taken", _keys, _identity, In(600));
        Assert.Same(_identity, tokens.Find("taken", _keys));
        Assert.Same(_identity, tokens.Find("long", _keys));
        Assert.Equal(2, tokens.Count);
    }
}
