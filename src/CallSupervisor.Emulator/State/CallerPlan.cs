namespace CallSupervisor.Emulator.State;

/// <summary>
/// What a contact-center caller will do, drawn when the call arrives: the menu key (<see cref="MenuTone"/>, an ACS tone
/// name such as "one") pressed <see cref="MenuTime"/> after the menu starts; hang up after <see cref="Patience"/>
/// without an agent (null: never); talk <see cref="HandleTime"/> once an agent is connected (null: until ended).
/// </summary>
internal sealed record CallerPlan(string? MenuTone, TimeSpan MenuTime, TimeSpan? Patience, TimeSpan? HandleTime);
