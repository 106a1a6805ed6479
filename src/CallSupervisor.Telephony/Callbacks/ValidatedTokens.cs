using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Callback tokens already validated, until they expire: a sender signs a token once and puts it on many callbacks,
/// and checking its RSA signature again is the largest single cost of taking a callback. An entry is used only while
/// the signing keys it was checked against are still the ones in force (a key rotation empties it in effect) and the
/// token has not expired (no clock skew is granted to a cached token). Bounded: once full, expired entries go, and
/// if all are live nothing more is added (those tokens are simply validated each time).
/// </summary>
internal sealed class ValidatedTokens(TimeProvider time, int capacity = 1024)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>The identity of a token validated before, looked up by its characters (a hit copies nothing).</summary>
    public ClaimsIdentity? Find(ReadOnlySpan<char> token, OpenIdConnectConfiguration keys)
    {
        // Looked up by span: the token is a slice of the Authorization header, and a string of it (~1 KB of JWT,
        // twice that in UTF-16) per callback was 4 % of all the app's allocation under load.
        var bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!bySpan.TryGetValue(token, out var entry))
        {
            return null;
        }
        if (!ReferenceEquals(entry.Keys, keys) || time.GetUtcNow() >= entry.ValidTo)
        {
            bySpan.TryRemove(token, out _, out _);
            return null;
        }
        return entry.Identity;
    }

    public void Add(string token, OpenIdConnectConfiguration keys, ClaimsIdentity? identity, DateTimeOffset validTo)
    {
        if (_entries.Count >= capacity)
        {
            var now = time.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (now >= entry.ValidTo || !ReferenceEquals(entry.Keys, keys))
                {
                    _entries.TryRemove(key, out _);
                }
            }
            if (_entries.Count >= capacity)
            {
                return;
            }
        }
        _entries[token] = new Entry(keys, identity, validTo);
    }

    private sealed record Entry(OpenIdConnectConfiguration Keys, ClaimsIdentity? Identity, DateTimeOffset ValidTo);
}
