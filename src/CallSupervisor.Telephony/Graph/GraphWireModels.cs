using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallSupervisor.Telephony.Graph;

/// <summary>Body of <c>cancelMediaProcessing</c>.</summary>
internal sealed record CancelMediaProcessingRequest(string? ClientContext);

/// <summary>The commsOperation Graph answers with.</summary>
internal sealed record CommsOperation
{
    public string? Id { get; init; }

    public string? Status { get; init; }

    public string? ClientContext { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CancelMediaProcessingRequest))]
[JsonSerializable(typeof(CommsOperation))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
