using System.Text;
using System.Text.Json;
using CallSupervisor.Core.EventLog;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>A store's checkpoint reads back from its JSON as it was: every call with everything in it, the activity, the window, the version.</summary>
public sealed class CheckpointJsonTests
{
    private static StoreCheckpoint ScenarioCheckpoint()
    {
        var store = EventLogScenario.NewStore();
        foreach (var callEvent in EventLogScenario.Events())
        {
            store.Apply(callEvent);
        }
        return store.Export();
    }

    [Fact]
    public void RoundTrip_Scenario_GivesAnEqualCheckpoint()
    {
        var checkpoint = ScenarioCheckpoint();

        var read = CheckpointJson.Deserialize(CheckpointJson.Serialize(checkpoint));

        Structural.AssertEqual(checkpoint, read);
        Assert.Equal(checkpoint.Snapshot.Counts, read.Snapshot.Counts);
    }

    [Fact]
    public void RoundTrip_Utf8_IsTheSameJson()
    {
        var checkpoint = ScenarioCheckpoint();

        var bytes = CheckpointJson.SerializeToUtf8Bytes(checkpoint);

        Assert.Equal(CheckpointJson.Serialize(checkpoint), Encoding.UTF8.GetString(bytes));
        Structural.AssertEqual(checkpoint, CheckpointJson.Deserialize(bytes));
    }

    [Fact]
    public void RoundTrip_EmptyStore_GivesAnEmptyCheckpoint()
    {
        var read = CheckpointJson.Deserialize(CheckpointJson.Serialize(EventLogScenario.NewStore().Export()));

        Assert.Empty(read.Snapshot.Calls);
        Assert.Empty(read.Snapshot.Activity);
        Assert.Empty(read.SeenEventIds);
        Assert.Equal(0, read.Version);
        Assert.Equal(default, read.Snapshot.Counts);
    }

    [Fact]
    public void Deserialize_CountsAreARecountOfTheCalls()
    {
        var json = CheckpointJson.Serialize(ScenarioCheckpoint());

        var read = CheckpointJson.Deserialize(json);

        // Not written: a sum over the calls, so it cannot disagree with them.
        Assert.DoesNotContain("\"counts\"", json, StringComparison.Ordinal);
        Assert.Equal(read.Snapshot.Calls.Values.Aggregate(default(CallCounts), (sum, call) => sum + call.Counts), read.Snapshot.Counts);
        Assert.NotEqual(default, read.Snapshot.Counts);
    }

    [Fact]
    public void Serialize_StartsWithFormatAndVersion()
    {
        var checkpoint = ScenarioCheckpoint();

        var json = CheckpointJson.Serialize(checkpoint);

        Assert.StartsWith($"{{\"format\":1,\"version\":{checkpoint.Version},\"seenEventIds\":[\"evt-1\",", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"format":2,"version":1,"seenEventIds":[],"calls":[],"activity":[]}""")]
    [InlineData("""{"version":1,"seenEventIds":[],"calls":[],"activity":[]}""")]
    [InlineData("""{"format":1,"version":-1,"seenEventIds":[],"calls":[],"activity":[]}""")]
    [InlineData("""{"format":1,"version":1,"calls":[],"activity":[]}""")]
    [InlineData("""{"format":1,"version":1,"seenEventIds":[],"activity":[]}""")]
    [InlineData("""{"format":1,"version":1,"seenEventIds":[],"calls":[{"callId":"c"}],"activity":[]}""")]
    [InlineData("""{"format":1,"version":1,"seenEventIds":[],"calls":[""")]
    [InlineData("""null""")]
    public void Deserialize_NotACheckpointOfThisFormat_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CheckpointJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_TwoCallsWithOneId_ThrowsJsonException()
    {
        var checkpoint = ScenarioCheckpoint();
        using var document = JsonDocument.Parse(CheckpointJson.Serialize(checkpoint));
        var call = document.RootElement.GetProperty("calls")[0].GetRawText();
        var json = $$"""{"format":1,"version":1,"seenEventIds":[],"calls":[{{call}},{{call}}],"activity":[]}""";

        var thrown = Assert.ThrowsAny<JsonException>(() => CheckpointJson.Deserialize(json));

        Assert.Contains("do not form a snapshot", thrown.Message, StringComparison.Ordinal);
    }
}
