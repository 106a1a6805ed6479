using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>Rosters: ParticipantsUpdated (ordered by sequence number) and reconciled participant lists.</summary>
internal static class RosterRules
{
    /// <summary>
    /// Last writer wins by sequence number: ParticipantsUpdated is the only ACS event that carries one, and each
    /// is a full roster, so an older or repeated roster carries nothing the newer one lacks.
    /// </summary>
    /// <remarks>
    /// Older API versions send rosters without a sequence number. Such a roster is ordered by its event time: it is
    /// applied only if it was sent after the roster shown (<see cref="Call.LastRosterAt"/>, whichever kind that was).
    /// Rosters with sequence numbers are still ordered by them alone, so one of them is never held back by the time of
    /// an unsequenced one; an unsequenced roster leaves <see cref="Call.LastRosterSequence"/> as it was.
    /// </remarks>
    public static Fold Apply(Call call, ParticipantsUpdated e)
    {
        if (e.SequenceNumber is { } sequence)
        {
            if (call.LastRosterSequence is { } last && sequence <= last)
            {
                return Fold.Stale($"roster sequence {sequence} is not newer than {last}");
            }
        }
        else if (call.LastRosterAt is { } shown && e.OccurredAt <= shown)
        {
            return Fold.Stale($"roster without a sequence number sent at {e.OccurredAt:O} is not newer than the roster shown ({shown:O})");
        }
        var named = WithNames(call, e.Participants);
        var (participants, changes) = Merge(named, e.Participants, e.OccurredAt);
        var next = named with
        {
            Participants = participants,
            LastRosterSequence = e.SequenceNumber ?? call.LastRosterSequence,
            LastRosterAt = e.OccurredAt,
        };
        var (settled, joined) = InvitationRules.SettleFromRoster(call, next, e.OccurredAt);
        var summary = changes.Count > 0 ? string.Join("; ", changes) : $"Roster unchanged ({participants.Count} participants)";
        return Fold.Applied(settled, [NewEntry.Info(call.CallId, e.OccurredAt, summary), .. joined]);
    }

    /// <summary>Keeps the display names a roster tells (Graph), so people are named on every screen.</summary>
    public static Call WithNames(Call call, IEnumerable<ParticipantState> roster)
    {
        var names = call.Names;
        foreach (var entry in roster)
        {
            names = LifecycleRules.Named(names, entry.Identifier, entry.DisplayName);
        }
        return ReferenceEquals(names, call.Names) ? call : call with { Names = names };
    }

    /// <summary>
    /// Replaces the roster. Participants already present keep their JoinedAt. (A pending supervisor mute is settled
    /// by the mute action's own rule once a roster shows the participant muted.) Returns the new roster and one line
    /// per change (none when nothing changed).
    /// </summary>
    public static (ImmutableDictionary<string, Participant> Participants, IReadOnlyList<string> Changes) Merge(
        Call call,
        IEnumerable<ParticipantState> roster,
        DateTimeOffset at)
    {
        var current = call.Participants;
        var builder = ImmutableDictionary.CreateBuilder<string, Participant>();
        var changes = new List<string>();
        foreach (var entry in roster)
        {
            var rawId = entry.Identifier.RawId;
            var who = Describe.Who(call, entry.Identifier);
            if (current.TryGetValue(rawId, out var known))
            {
                if (entry.IsMuted != known.IsMuted)
                {
                    changes.Add(entry.IsMuted ? $"{who} muted" : $"{who} unmuted");
                }
                if (entry.IsOnHold != known.IsOnHold)
                {
                    changes.Add(entry.IsOnHold ? $"{who} on hold" : $"{who} off hold");
                }
                builder[rawId] = known with
                {
                    Identifier = entry.Identifier,
                    IsMuted = entry.IsMuted,
                    IsOnHold = entry.IsOnHold,
                    OnHoldSince = entry.IsOnHold ? known.OnHoldSince ?? at : null,
                };
            }
            else
            {
                // A repeated raw id in one roster would be a protocol error; the indexer keeps the last entry
                // instead of throwing.
                if (!builder.ContainsKey(rawId))
                {
                    changes.Add($"{who} joined");
                }
                builder[rawId] = new Participant(entry.Identifier, entry.IsMuted, entry.IsOnHold, at, entry.IsOnHold ? at : null);
            }
        }
        foreach (var left in current.Values.Where(p => !builder.ContainsKey(p.RawId)))
        {
            changes.Add($"{Describe.Who(call, left.Identifier)} left");
        }
        return (builder.ToImmutable(), changes);
    }
}
