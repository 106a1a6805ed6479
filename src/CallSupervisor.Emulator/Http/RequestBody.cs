using System.Text.Json;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Http;

/// <summary>The request body, read once by the filters (the HMAC covers it) and parsed by the handlers.</summary>
internal static class RequestBody
{
    private const int MaxBytes = 1024 * 1024;
    private static readonly object Key = new();

    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached) && cached is byte[] bytes)
        {
            return bytes;
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        bytes = buffer.ToArray();
        context.Items[Key] = bytes;
        return bytes;
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is missing or not valid JSON of that shape.</summary>
    public static async Task<T?> ParseAsync<T>(HttpContext context) where T : class
    {
        var bytes = await ReadAsync(context);
        if (bytes.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, EmulatorJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
