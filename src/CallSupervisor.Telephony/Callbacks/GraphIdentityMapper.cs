using System.Text.Json;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Maps a Graph identitySet (<c>{"user":{"id"}}</c>, <c>{"phone":{"id"}}</c>, <c>{"application":{"id"}}</c>, …) to a
/// Core identifier with the rawId ACS would use, so one person looks the same on both platforms. Identity kinds
/// ACS has no equivalent for (guest, encrypted, …) become Unknown with rawId <c>graph:{kind}:{id}</c>.
/// </summary>
internal static class GraphIdentityMapper
{
    public static CommunicationIdentifier? FromIdentitySet(JsonElement identitySet)
    {
        if (identitySet.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (IdOf(identitySet, "user") is { } user)
        {
            return CommunicationIdentifier.TeamsUser(user);
        }

        if (IdOf(identitySet, "phone") is { } phone)
        {
            return CommunicationIdentifier.Phone(phone);
        }

        if (IdOf(identitySet, "azureCommunicationServicesUser") is { } acsUser)
        {
            return CommunicationIdentifier.AcsUser(acsUser);
        }

        if ((IdOf(identitySet, "application") ?? IdOf(identitySet, "applicationInstance")) is { } app)
        {
            return CommunicationIdentifier.TeamsApp(app);
        }

        foreach (var property in identitySet.EnumerateObject())
        {
            if (property.Name.StartsWith('@'))
            {
                continue;
            }

            if (IdOf(identitySet, property.Name) is { } other)
            {
                return new CommunicationIdentifier(IdentifierKind.Unknown, $"graph:{property.Name}:{other}", other);
            }
        }

        return null;
    }

    /// <summary>The display name of the identity <see cref="FromIdentitySet"/> reads, if Graph gave one.</summary>
    public static string? DisplayNameOf(JsonElement identitySet)
    {
        if (identitySet.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in identitySet.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && JsonEnvelope.OptionalString(property.Value, "displayName") is { Length: > 0 } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? IdOf(JsonElement identitySet, string name) =>
        identitySet.TryGetProperty(name, out var identity) && identity.ValueKind == JsonValueKind.Object
            ? JsonEnvelope.OptionalString(identity, "id") is { Length: > 0 } id ? id : null
            : null;
}
