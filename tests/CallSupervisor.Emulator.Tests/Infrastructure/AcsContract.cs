using System.Text.Json.Nodes;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>
/// Checks bodies against the ACS 2024-09-15 contract's definitions: every property the emulator writes must be one
/// the definition lists (the contract says additionalProperties: false), nested definitions included.
/// </summary>
public static class AcsContract
{
    private static readonly Lazy<JsonObject> Definitions = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", "callautomation-2024-09-15.json");
        return (JsonObject)JsonNode.Parse(File.ReadAllText(path))!["definitions"]!;
    });

    public static void AssertShape(string definition, JsonNode? body)
    {
        Assert.True(Definitions.Value.ContainsKey(definition), $"The contract has no definition '{definition}'.");
        var schema = Definitions.Value[definition]!;
        if (body is not JsonObject obj || schema["properties"] is not JsonObject properties)
        {
            return;
        }
        foreach (var (name, value) in obj)
        {
            Assert.True(properties.ContainsKey(name), $"{definition} has no property '{name}' in the contract: {obj.ToJsonString()}");
            var property = properties[name]!;
            if (LocalRef(property) is { } nested && value is JsonObject)
            {
                AssertShape(nested, value);
            }
            else if (property["items"] is { } items && LocalRef(items) is { } itemDefinition && value is JsonArray array)
            {
                foreach (var item in array)
                {
                    AssertShape(itemDefinition, item);
                }
            }
        }
    }

    /// <summary>The event's data matches the contract definition named like the event.</summary>
    public static void AssertEvent(ReceivedCloudEvent e) => AssertShape(e.Type, e.Data);

    public static void AssertEvent(string type, JsonObject data) => AssertShape(type, data);

    /// <summary>A definition of this file (references into the common file are not followed).</summary>
    private static string? LocalRef(JsonNode schema) =>
        (string?)schema["$ref"] is { } reference && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
            ? reference["#/definitions/".Length..]
            : null;
}
