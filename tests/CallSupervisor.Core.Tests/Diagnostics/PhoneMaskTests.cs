using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Core.Tests.Diagnostics;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("+14255550123", "+1425555****")]
    [InlineData("4:+14255550123", "4:+1425555****")]
    [InlineData("+44 20 7946 0958", "+44 20 7946 ****")]
    [InlineData("112", "***")]
    public void Mask_PhoneNumber_HidesLastFourDigits(string value, string expected) =>
        Assert.Equal(expected, PhoneMask.Mask(value));

    [Theory]
    [InlineData("8:acs:resource_user-1")]
    [InlineData("8:orgid:00000000-0000-0000-0000-000000000001")]
    [InlineData("28:app-id")]
    [InlineData("call-42")]
    [InlineData("")]
    public void Mask_NotAPhoneNumber_Unchanged(string value) =>
        Assert.Equal(value, PhoneMask.Mask(value));

    [Fact]
    public void Mask_Null_Null() => Assert.Null(PhoneMask.Mask(null));

    [Fact]
    public void InText_NumbersInAMessage_AreMasked() =>
        Assert.Equal(
            "8523 (404): Participant 4:+1425555**** not found; +44207946**** neither",
            PhoneMask.InText("8523 (404): Participant 4:+14255550123 not found; +442079460958 neither"));

    [Fact]
    public void InText_ANumberAsTheAppShowsIt_IsMasked() =>
        Assert.Equal(
            "Mute of Caller +1 425-555-**** ignored; transfer to '+44 (20) 7946 ****' refused",
            PhoneMask.InText("Mute of Caller +1 425-555-0123 ignored; transfer to '+44 (20) 7946 0958' refused"));

    [Theory]
    [InlineData("at 2026-11-21T10:00:00+00:00 after 12345678 events")]
    [InlineData("call 1+2 = 3")]
    [InlineData("+12345678901234567 is no E.164 number")]
    public void InText_NoPhoneNumber_Unchanged(string text) =>
        Assert.Equal(text, PhoneMask.InText(text));
}
