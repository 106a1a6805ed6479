using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Options;

public sealed class OptionsValidatorTests
{
    private readonly AcsOptionsValidator _acs = new();
    private readonly GraphOptionsValidator _graph = new();

    [Fact]
    public void Validate_TestAcsOptions_Succeeds()
    {
        Assert.True(_acs.Validate(null, TestClients.AcsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NoAcsCredentials_SaysWhatToSet()
    {
        var result = _acs.Validate(null, TestClients.AcsOptions(o => o.ConnectionString = null));

        Assert.True(result.Failed);
        Assert.Contains("set Acs:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConnectionStringAndManagedIdentity_Fails()
    {
        var result = _acs.Validate(null, TestClients.AcsOptions(o => o.UseManagedIdentity = true));

        Assert.Contains("not both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithManagedIdentity_Succeeds()
    {
        var options = TestClients.AcsOptions(o =>
        {
            o.ConnectionString = null;
            o.Endpoint = "https://contoso.communication.azure.com";
            o.UseManagedIdentity = true;
        });

        Assert.True(_acs.Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), options.ResolveEndpoint());
    }

    [Fact]
    public void Validate_InvalidConnectionString_ReportsParserReason()
    {
        var result = _acs.Validate(null, TestClients.AcsOptions(o => o.ConnectionString = "endpoint=https://x"));

        Assert.Contains("Acs:ConnectionString is invalid: The ACS connection string has no 'accesskey=' value.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoCallbackBaseUrl_IsValid_TheAppUsesItsOwnAddress()
    {
        var result = _acs.Validate(null, TestClients.AcsOptions(o => o.CallbackBaseUrl = null));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachSetting()
    {
        var result = _acs.Validate(null, TestClients.AcsOptions(o =>
        {
            o.CallbackBaseUrl = "/relative";
            o.InvitationTimeout = TimeSpan.FromSeconds(500);
            o.SourceCallerIdNumber = "0800";
            o.CallbackAuth.Audience = null;
            o.CallbackAuth.MetadataAddress = "http://emulator/metadata";
        }));

        Assert.Contains("Acs:CallbackBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Acs:InvitationTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Acs:SourceCallerIdNumber", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Acs:CallbackAuth:Audience", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("RequireHttpsMetadata=false", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CallbackAuthDisabled_NeedsNoAudience()
    {
        var options = TestClients.AcsOptions(o =>
        {
            o.CallbackAuth.Enabled = false;
            o.CallbackAuth.Audience = null;
        });

        Assert.True(_acs.Validate(null, options).Succeeded);
    }

    [Fact]
    public void CallbackUri_BaseWithOrWithoutSlash_EndsWithCallbackPath()
    {
        Assert.Equal(new Uri("https://app.contoso.com/api/callbacks/acs"), TestClients.AcsOptions().CallbackUri);
        Assert.Equal(new Uri("https://app.contoso.com/base/api/callbacks/acs"), TestClients.AcsOptions(o => o.CallbackBaseUrl = "https://app.contoso.com/base/").CallbackUri);
    }

    [Fact]
    public void Validate_GraphWithoutCredentials_SaysWhatToSet()
    {
        var result = _graph.Validate(null, new GraphOptions { ClientState = "secret" });

        Assert.Contains("Graph:TenantId, Graph:ClientId and Graph:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GraphClientSecretWithoutClientState_Fails()
    {
        var result = _graph.Validate(null, new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" });

        Assert.Contains("Graph:ClientState", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GraphStaticTokenAndSecret_Fails()
    {
        var result = _graph.Validate(null, new GraphOptions { StaticBearerToken = "dev", ClientId = "c", ClientState = "s" });

        Assert.Contains("not both", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GraphDisabled_Succeeds()
    {
        Assert.True(_graph.Validate(null, new GraphOptions { Enabled = false }).Succeeded);
    }

    [Fact]
    public void BaseUri_WithoutTrailingSlash_GetsOne()
    {
        Assert.Equal(new Uri("http://localhost:5123/graph/v1.0/"), new GraphOptions { BaseUrl = "http://localhost:5123/graph/v1.0" }.BaseUri);
    }
}
