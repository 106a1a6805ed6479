using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>An example file of the ACS contract (copied to the output folder, see Contracts/README.md).</summary>
public sealed class ContractExample
{
    private readonly JsonNode _root;

    private ContractExample(JsonNode root) => _root = root;

    public static ContractExample Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", "examples", "2024-09-15", name + ".json");
        return new ContractExample(JsonNode.Parse(File.ReadAllText(path))!);
    }

    public string Parameter(string name) => _root["parameters"]![name]!.GetValue<string>();

    /// <summary>A deep copy of a body parameter, to be adjusted by the test.</summary>
    public JsonObject RequestBody(string parameterName) => _root["parameters"]![parameterName]!.DeepClone().AsObject();

    public string ResponseBody(int status) => _root["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["body"]!.ToJsonString();
}

public static class JsonAssert
{
    /// <summary>Deep JSON equality (property order ignored) with both documents in the failure message.</summary>
    public static void Equal(JsonNode expected, string actualJson)
    {
        var actual = JsonNode.Parse(actualJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected.ToJsonString(Indented)}\nActual:   {actual?.ToJsonString(Indented)}");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
