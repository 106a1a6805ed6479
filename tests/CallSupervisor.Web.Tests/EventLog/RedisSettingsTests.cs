using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>The shared log's settings are checked at start, each refusal naming its setting.</summary>
public sealed class RedisSettingsTests
{
    [Theory]
    [InlineData("Redis:StreamLength", "5", "Redis:StreamLength")]
    [InlineData("Redis:PollInterval", "00:00:00", "Redis:PollInterval")]
    [InlineData("Redis:KeyPrefix", " ", "Redis:KeyPrefix")]
    [InlineData("Redis:ConnectionString", ",,,", "Redis:ConnectionString")]
    public async Task An_invalid_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        await using var app = new CallbackAppFactory(callbackAuth: true, new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
