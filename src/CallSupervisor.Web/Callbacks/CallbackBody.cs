using Microsoft.AspNetCore.Http.Features;

namespace CallSupervisor.Web.Callbacks;

/// <summary>Reads a callback body with a hard size limit, so an oversized post costs nothing and gets 413.</summary>
internal static class CallbackBody
{
    /// <summary>413 when the declared length is over the limit: checked before anything costly.</summary>
    public static IResult? DeclaredTooLarge(HttpRequest request, long maxBytes) =>
        request.ContentLength > maxBytes ? TooLarge(maxBytes) : null;

    public static async Task<(byte[]? Body, IResult? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        // Lower the server's own limit for this request too, so chunked bodies are cut off by Kestrel.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Callback too large",
        detail: $"The body exceeds the limit of {maxBytes} bytes (Calls:MaxCallbackBytes).");
}
