using System.Globalization;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Engine;

/// <summary>Makes up callers and participants from the seeded generator, and reads the identifiers of scenarios.</summary>
internal sealed class People(SeededRandom random, SeededRandom names, string resourceId)
{
    /// <summary>The number the emulated calls dial: the app's ACS phone number.</summary>
    public static IdentifierModel AppNumber { get; } = Identifiers.Phone("+18005550100");

    public IdentifierModel Phone() => Identifiers.Phone("+1425555" + random.Next(0, 10000).ToString("D4", CultureInfo.InvariantCulture));

    public IdentifierModel AcsUser() => Identifiers.AcsUser($"8:acs:{resourceId}_{random.NextGuid()}");

    public IdentifierModel TeamsUser() => Identifiers.TeamsUser(random.NextGuid().ToString());

    private static readonly string[] FirstNames = ["Alice", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olga", "Priya"];
    private static readonly string[] LastNames = ["Andersen", "Bauer", "Costa", "Dubois", "Ekwueme", "Fischer", "García", "Haddad", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Oliveira", "Petrov"];

    /// <summary>A made-up person's name, as callers' phones and clients present it (callerDisplayName).</summary>
    public string Name() => FirstNames[names.Next(0, FirstNames.Length)] + " " + LastNames[names.Next(0, LastNames.Length)];

    /// <summary>The caller's display name: the scenario's, else a made-up one (a scenario that names no caller gets one too).</summary>
    public string CallerName(CallScenario scenario) => scenario.Caller?.Name ?? Name();

    /// <summary>A call's caller: the scenario's if it names one, else a phone with probability <paramref name="phoneShare"/>, else <paramref name="otherwise"/>.</summary>
    public IdentifierModel Caller(CallScenario scenario, double phoneShare, Func<IdentifierModel> otherwise) =>
        scenario.Caller is { } c ? FromScenario(c.Kind, c.Value) : random.Chance(phoneShare) ? Phone() : otherwise();

    /// <summary>A participant joining by itself: a supervisor or coach (ACS user), a Teams user, or a phone.</summary>
    public IdentifierModel RandomJoiner() => random.NextDouble() switch
    {
        < 0.5 => AcsUser(),
        < 0.8 => TeamsUser(),
        _ => Phone(),
    };

    /// <summary>
    /// Reads a scenario identifier: kind communicationUser|acs, phoneNumber|phone, microsoftTeamsUser|teams; a missing
    /// value is made up. Throws <see cref="ArgumentException"/> for an unknown kind.
    /// </summary>
    public IdentifierModel FromScenario(string kind, string? value) => kind.ToUpperInvariant() switch
    {
        "COMMUNICATIONUSER" or "ACS" or "ACSUSER" => value is { Length: > 0 } ? Identifiers.AcsUser(value) : AcsUser(),
        "PHONENUMBER" or "PHONE" => value is { Length: > 0 } ? Identifiers.Phone(value) : Phone(),
        "MICROSOFTTEAMSUSER" or "TEAMS" or "TEAMSUSER" => value is { Length: > 0 } ? Identifiers.TeamsUser(value) : TeamsUser(),
        _ => throw new ArgumentException($"Unknown identifier kind '{kind}' (use communicationUser, phoneNumber or microsoftTeamsUser)."),
    };
}
