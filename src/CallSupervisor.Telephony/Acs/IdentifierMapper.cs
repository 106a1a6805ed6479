using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Acs.Wire;

namespace CallSupervisor.Telephony.Acs;

/// <summary>
/// Maps Core identifiers to and from the contract's CommunicationIdentifierModel. Reading is tolerant: ACS
/// documents <c>kind</c> as "only required in responses", so a missing kind is inferred from the populated
/// sub-object, then from the rawId prefix; a missing rawId is rebuilt from the sub-object.
/// </summary>
internal static class IdentifierMapper
{
    private static readonly (string Prefix, IdentifierKind Kind)[] RawIdPrefixes =
    [
        ("8:acs:", IdentifierKind.CommunicationUser),
        ("8:spool:", IdentifierKind.CommunicationUser),
        ("8:dod-acs:", IdentifierKind.CommunicationUser),
        ("8:gcch-acs:", IdentifierKind.CommunicationUser),
        ("4:", IdentifierKind.PhoneNumber),
        ("8:orgid:", IdentifierKind.MicrosoftTeamsUser),
        ("8:dod:", IdentifierKind.MicrosoftTeamsUser),
        ("8:gcch:", IdentifierKind.MicrosoftTeamsUser),
        ("8:teamsvisitor:", IdentifierKind.MicrosoftTeamsUser),
        ("28:orgid:", IdentifierKind.MicrosoftTeamsApp),
        ("28:dod:", IdentifierKind.MicrosoftTeamsApp),
        ("28:gcch:", IdentifierKind.MicrosoftTeamsApp),
    ];

    /// <summary>The request form: kind, rawId and the kind-specific object (as the ACS SDKs send it).</summary>
    public static CommunicationIdentifierModel ToModel(CommunicationIdentifier identifier) => identifier.Kind switch
    {
        IdentifierKind.CommunicationUser => new()
        {
            Kind = "communicationUser",
            RawId = identifier.RawId,
            CommunicationUser = new CommunicationUserIdentifierModel(identifier.Value),
        },
        IdentifierKind.PhoneNumber => new()
        {
            Kind = "phoneNumber",
            RawId = identifier.RawId,
            PhoneNumber = new PhoneNumberIdentifierModel(identifier.Value),
        },
        IdentifierKind.MicrosoftTeamsUser => new()
        {
            Kind = "microsoftTeamsUser",
            RawId = identifier.RawId,
            MicrosoftTeamsUser = new MicrosoftTeamsUserIdentifierModel
            {
                UserId = identifier.Value,
                IsAnonymous = identifier.RawId.StartsWith("8:teamsvisitor:", StringComparison.Ordinal) ? true : null,
                Cloud = CloudOf(identifier.RawId),
            },
        },
        IdentifierKind.MicrosoftTeamsApp => new()
        {
            Kind = "microsoftTeamsApp",
            RawId = identifier.RawId,
            MicrosoftTeamsApp = new MicrosoftTeamsAppIdentifierModel { AppId = identifier.Value, Cloud = CloudOf(identifier.RawId) },
        },
        _ => new() { Kind = "unknown", RawId = identifier.RawId },
    };

    /// <summary>Reads a model; returns null and a reason when it identifies nobody.</summary>
    public static CommunicationIdentifier? FromModel(CommunicationIdentifierModel? model, out string? error)
    {
        error = null;
        if (model is null)
        {
            error = "identifier is missing";
            return null;
        }

        var kind = KindOf(model);
        var value = kind switch
        {
            IdentifierKind.CommunicationUser => model.CommunicationUser?.Id,
            IdentifierKind.PhoneNumber => model.PhoneNumber?.Value,
            IdentifierKind.MicrosoftTeamsUser => model.MicrosoftTeamsUser?.UserId,
            IdentifierKind.MicrosoftTeamsApp => model.MicrosoftTeamsApp?.AppId,
            _ => null,
        };

        var rawId = !string.IsNullOrEmpty(model.RawId) ? model.RawId : BuildRawId(kind, value, model);
        if (string.IsNullOrEmpty(rawId))
        {
            error = "identifier has neither a rawId nor a kind-specific value";
            return null;
        }

        return new CommunicationIdentifier(kind, rawId, !string.IsNullOrEmpty(value) ? value : ValueFromRawId(kind, rawId));
    }

    /// <summary>The kind a rawId prefix denotes (Unknown when none matches).</summary>
    public static IdentifierKind KindFromRawId(string rawId)
    {
        foreach (var (prefix, kind) in RawIdPrefixes)
        {
            if (rawId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return IdentifierKind.Unknown;
    }

    private static IdentifierKind KindOf(CommunicationIdentifierModel model)
    {
        switch (model.Kind?.ToUpperInvariant())
        {
            case "COMMUNICATIONUSER": return IdentifierKind.CommunicationUser;
            case "PHONENUMBER": return IdentifierKind.PhoneNumber;
            case "MICROSOFTTEAMSUSER": return IdentifierKind.MicrosoftTeamsUser;
            case "MICROSOFTTEAMSAPP": return IdentifierKind.MicrosoftTeamsApp;
            case "UNKNOWN": return IdentifierKind.Unknown;
        }

        // kind missing or a kind this version does not know: infer it.
        if (model.CommunicationUser is not null)
        {
            return IdentifierKind.CommunicationUser;
        }

        if (model.PhoneNumber is not null)
        {
            return IdentifierKind.PhoneNumber;
        }

        if (model.MicrosoftTeamsUser is not null)
        {
            return IdentifierKind.MicrosoftTeamsUser;
        }

        if (model.MicrosoftTeamsApp is not null)
        {
            return IdentifierKind.MicrosoftTeamsApp;
        }

        return model.RawId is { Length: > 0 } rawId ? KindFromRawId(rawId) : IdentifierKind.Unknown;
    }

    // Mirrors the ACS SDKs' rawId rules (CommunicationIdentifier.RawId) for public, DoD and GCCH clouds.
    private static string? BuildRawId(IdentifierKind kind, string? value, CommunicationIdentifierModel model)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return kind switch
        {
            IdentifierKind.CommunicationUser => value,
            IdentifierKind.PhoneNumber => "4:" + value,
            IdentifierKind.MicrosoftTeamsUser when model.MicrosoftTeamsUser?.IsAnonymous == true => "8:teamsvisitor:" + value,
            IdentifierKind.MicrosoftTeamsUser => "8:" + CloudPrefix(model.MicrosoftTeamsUser?.Cloud) + value,
            IdentifierKind.MicrosoftTeamsApp => "28:" + CloudPrefix(model.MicrosoftTeamsApp?.Cloud) + value,
            _ => value,
        };
    }

    private static string ValueFromRawId(IdentifierKind kind, string rawId)
    {
        if (kind is IdentifierKind.CommunicationUser or IdentifierKind.Unknown)
        {
            return rawId;
        }

        foreach (var (prefix, prefixKind) in RawIdPrefixes)
        {
            if (prefixKind == kind && rawId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return rawId[prefix.Length..];
            }
        }

        return rawId;
    }

    private static string CloudPrefix(string? cloud) => cloud?.ToUpperInvariant() switch
    {
        "DOD" => "dod:",
        "GCCH" => "gcch:",
        _ => "orgid:",
    };

    private static string? CloudOf(string rawId) =>
        rawId.Contains(":dod:", StringComparison.Ordinal) ? "dod" : rawId.Contains(":gcch:", StringComparison.Ordinal) ? "gcch" : null;
}
