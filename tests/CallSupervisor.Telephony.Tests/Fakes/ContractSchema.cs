using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CallSupervisor.Telephony.Tests.Fakes;

/// <summary>
/// The request body schemas of the ACS contract (Contracts/callautomation-2024-09-15.json, its $refs into
/// Contracts/common-2023-11-15.json resolved), for operations the contract has no example of. Stricter than the
/// contract in one way: every object is treated as closed, so a property the contract does not declare (a typo, a
/// field of another API version) is reported even where the contract leaves additionalProperties open.
/// </summary>
public static partial class ContractSchema
{
    private const string CommonRef = "../../../Common/stable/2023-11-15/common.json";

    private static readonly Lazy<JsonElement> Contract = new(() => Load("callautomation-2024-09-15.json"));
    private static readonly Lazy<JsonElement> Common = new(() => Load("common-2023-11-15.json"));

    /// <summary>The problems of <paramref name="bodyJson"/> as the body of POST <paramref name="path"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> BodyProblems(string path, string bodyJson)
    {
        var problems = new List<string>();
        var body = JsonNode.Parse(bodyJson);
        Check(BodySchema(path), Contract.Value, body, "$", problems);
        return problems;
    }

    /// <summary>Asserts that the body conforms, listing every problem otherwise.</summary>
    public static void AssertBody(string path, string bodyJson)
    {
        var problems = BodyProblems(path, bodyJson);
        Assert.True(problems.Count == 0, $"The body of POST {path} does not match the contract:\n{string.Join("\n", problems)}\n{bodyJson}");
    }

    private static JsonElement BodySchema(string path)
    {
        foreach (var entry in Contract.Value.GetProperty("paths").EnumerateObject())
        {
            if (!PathMatches(entry.Name, path) || !entry.Value.TryGetProperty("post", out var post))
            {
                continue;
            }

            foreach (var parameter in post.GetProperty("parameters").EnumerateArray())
            {
                if (parameter.TryGetProperty("in", out var where) && where.GetString() == "body")
                {
                    return parameter.GetProperty("schema");
                }
            }

            throw new InvalidOperationException($"The contract's POST {entry.Name} takes no body.");
        }

        throw new InvalidOperationException($"The contract has no POST {path}.");
    }

    private static void Check(JsonElement schema, JsonElement document, JsonNode? value, string at, List<string> problems)
    {
        (schema, document) = Resolve(schema, document);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : schema.TryGetProperty("properties", out _) ? "object" : null;
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    problems.Add($"{at}: expected an object");
                    return;
                }

                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(name => !obj.ContainsKey(name)))
                    {
                        problems.Add($"{at}.{name}: required and missing");
                    }
                }

                foreach (var (name, child) in obj)
                {
                    if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var childSchema))
                    {
                        problems.Add($"{at}.{name}: not declared by the contract");
                        continue;
                    }

                    Check(childSchema, document, child, $"{at}.{name}", problems);
                }
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    problems.Add($"{at}: expected an array");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(schema.GetProperty("items"), document, array[i], $"{at}[{i}]", problems);
                }
                break;
            case "string":
                if (value is not JsonValue s || s.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add($"{at}: expected a string");
                }
                else if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == s.GetValue<string>()))
                {
                    problems.Add($"{at}: '{s.GetValue<string>()}' is not one of the contract's values");
                }
                break;
            case "integer":
                if (value is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || !n.TryGetValue<long>(out _))
                {
                    problems.Add($"{at}: expected an integer");
                }
                break;
            case "boolean":
                if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{at}: expected a boolean");
                }
                break;
        }
    }

    // "#/definitions/X" in the same document, or "<common.json>#/definitions/X" in the common one.
    private static (JsonElement Schema, JsonElement Document) Resolve(JsonElement schema, JsonElement document)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var text = reference.GetString()!;
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var file = text[..hash];
            document = file.Length == 0 ? document
                : file == CommonRef ? Common.Value
                : throw new InvalidOperationException($"Unknown $ref file {file}.");
            schema = document.GetProperty("definitions").GetProperty(text[(hash + "#/definitions/".Length)..]);
        }

        return (schema, document);
    }

    private static bool PathMatches(string template, string path) =>
        Regex.IsMatch(path, "^" + ParameterPattern().Replace(Regex.Escape(template), "[^/:]+") + "$");

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex ParameterPattern();

    private static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", name)));
        return document.RootElement.Clone();
    }
}
