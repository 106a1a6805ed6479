using CallSupervisor.Web.ViewModels.Figures;

namespace CallSupervisor.Web.Tests.Figures;

/// <summary>A goal's percentage never reads as met when it is not (rounded down); a share is to the nearest percent.</summary>
public sealed class FigureTextTests
{
    [Theory]
    [InlineData(0.796, "79 %")]
    [InlineData(0.8, "80 %")]
    [InlineData(1.0, "100 %")]
    public void Percent_AGoal_RoundedDown(double share, string text) => Assert.Equal(text, FigureText.Percent(share));

    [Theory]
    [InlineData(6, 6 / 9.0, "6 (67 %)")]
    [InlineData(1, 0.054, "1 (5 %)")]
    [InlineData(1, 0.055, "1 (6 %)")]
    [InlineData(1, 0.05, "1 (5 %)")]
    [InlineData(0, 0.0, "0 (0 %)")]
    public void CountAndShare_TheShare_ToTheNearestPercent(int count, double share, string text) => Assert.Equal(text, FigureText.CountAndShare(count, share));
}
