using System.Text.Json;
using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>The comparison the durability and convergence tests rely on, against the emulator's own JSON shapes.</summary>
public sealed class BoardComparisonTests
{
    [Fact]
    public void Difference_CallNeverAnsweredHasNoCallbackUri_IsNotCompared()
    {
        // The emulator leaves null fields out: a call that rang while the app was down has no callbackUri at all.
        using var truth = JsonDocument.Parse("""[{"callId":"c-1","platform":"acs","state":"connecting","answerRequests":0}]""");

        Assert.Null(BoardComparison.Difference(truth.RootElement, new Dictionary<string, CallDto>()));
    }

    [Fact]
    public void Difference_AnsweredCallMissingFromTheBoard_IsReported()
    {
        using var truth = JsonDocument.Parse("""[{"callId":"c-1","platform":"acs","state":"connected","callbackUri":"http://127.0.0.1:1/api/callbacks/acs"}]""");

        Assert.Equal("call c-1 is not on the board", BoardComparison.Difference(truth.RootElement, new Dictionary<string, CallDto>()));
    }
}
