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
        try
        {
            return request.ContentLength is { } declared
                ? (await ReadDeclaredAsync(request.Body, (int)declared, cancellationToken), null)
                : await ReadChunkedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel gave up on the body: too slow (MinRequestBodyDataRate: 408), or malformed framing (400). The
            // sender's fault, and nothing of it was applied: said as such, never as a server error.
            return (null, Unreadable(ex.StatusCode == StatusCodes.Status408RequestTimeout ? ex.StatusCode : StatusCodes.Status400BadRequest, ex.Message));
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection broke off mid-body (ConnectionResetException and the like).
            return (null, Unreadable(StatusCodes.Status400BadRequest, ex.Message));
        }
    }

    private static IResult Unreadable(int statusCode, string reason) => TypedResults.Problem(
        statusCode: statusCode,
        title: statusCode == StatusCodes.Status408RequestTimeout ? "Callback body too slow" : "Callback body unreadable",
        detail: $"The body could not be read ({reason}); nothing of it was applied. Send it again.");

    // The usual case (ACS and Event Grid send Content-Length): one array of exactly that size, filled in place —
    // no growing buffer and no copy. Kestrel ends the body at the declared length.
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }
        return filled == length ? bytes : bytes[..filled];
    }

    private static async Task<(byte[]? Body, IResult? Error)> ReadChunkedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Callback too large",
        detail: $"The body exceeds the limit of {maxBytes} bytes (Calls:MaxCallbackBytes).");
}
