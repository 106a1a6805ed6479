using System.Diagnostics;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>The board (as a hub client sees it) against the emulator's truth: calls, rosters with mute and hold, invitations, media.</summary>
internal static class BoardComparison
{
    /// <summary>
    /// Waits until every hub's board equals the far side's truth (<paramref name="truth"/>, read again each time), and
    /// returns null — or, once <paramref name="bound"/> has passed, the last difference. The boards are compared again
    /// at the next batch any of them receives, or after a second when they are all quiet (the far side can change
    /// before anything is pushed).
    /// </summary>
    public static async Task<string?> ConvergeAsync(Func<Task<JsonElement>> truth, TimeSpan bound, params CallsHubClient[] hubs)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var boards = hubs.Select(h => h.Board).ToArray();
            var far = await truth();
            var difference = boards
                .Select((board, i) => Difference(far, board.Calls) is { } d ? (hubs.Length > 1 ? $"hub {i + 1}: {d}" : d) : null)
                .FirstOrDefault(d => d is not null);
            var left = bound - clock.Elapsed;
            if (difference is null || left <= TimeSpan.Zero)
            {
                return difference;
            }
            var wait = left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
            await Task.WhenAny(hubs.Select((hub, i) => hub.NextBoardAsync(boards[i], wait)));
        }
    }

    /// <summary>The first way the hub's view differs from the far side's, or null when they agree.</summary>
    public static string? Difference(JsonElement farSide, IReadOnlyDictionary<string, CallDto> board)
    {
        // The emulator omits null fields: a call that arrived while the app was down and was never answered has no
        // callbackUri at all, and it is not the app's call, so it is not compared.
        foreach (var far in farSide.EnumerateArray().Where(c => Text(c, "platform") == "acs" && Text(c, "callbackUri") is not null))
        {
            var callId = far.GetProperty("callId").GetString()!;
            if (!board.TryGetValue(callId, out var call))
            {
                return $"call {callId} is not on the board";
            }
            var expectedState = far.GetProperty("state").GetString() switch
            {
                "connected" => "Connected",
                "disconnected" => "Disconnected",
                var other => other,
            };
            if (call.State != expectedState)
            {
                return $"call {callId}: board {call.State}, ACS {expectedState}";
            }
            if (expectedState != "Connected")
            {
                continue;
            }
            var farRoster = far.GetProperty("participants").EnumerateArray()
                .Select(p => $"{p.GetProperty("identifier").GetProperty("rawId").GetString()} muted={p.GetProperty("isMuted").GetBoolean()} hold={p.GetProperty("isOnHold").GetBoolean()}").Order().ToList();
            var boardRoster = call.Participants
                .Select(p => $"{p.Identifier.RawId} muted={p.IsMuted} hold={p.IsOnHold}").Order().ToList();
            if (!farRoster.SequenceEqual(boardRoster))
            {
                return $"call {callId}: board roster [{string.Join(", ", boardRoster)}], ACS [{string.Join(", ", farRoster)}]";
            }
            foreach (var invitation in far.GetProperty("invitations").EnumerateArray())
            {
                var id = invitation.GetProperty("invitationId").GetString();
                var farStatus = invitation.GetProperty("status").GetString();
                var mine = call.Invitations.Where(i => i.InvitationId == id).Select(i => i.Status).FirstOrDefault();
                var agrees = farStatus switch
                {
                    "ringing" => mine is "Pending",
                    "accepted" => mine == "Accepted",
                    _ => mine is "Failed" or "TimedOut" or "Cancelled",
                };
                if (!agrees)
                {
                    return $"call {callId}: invitation {id} board {mine ?? "(missing)"}, ACS {farStatus}";
                }
            }
            foreach (var media in far.GetProperty("media").EnumerateArray())
            {
                var context = media.GetProperty("operationContext").GetString();
                var farActive = media.GetProperty("status").GetString() is "queued" or "running";
                var mine = call.MediaOperations.Where(m => m.Id == context).Select(m => m.Status).FirstOrDefault();
                if (mine is null || (mine is "Running") != farActive)
                {
                    return $"call {callId}: media {context} board {mine ?? "(missing)"}, ACS {media.GetProperty("status").GetString()}";
                }
            }
        }
        return null;
    }

    /// <summary>The first way the board differs from the emulator for the given Graph calls (state and roster), or null.</summary>
    public static string? GraphDifference(JsonElement farSide, IReadOnlyDictionary<string, CallDto> board, IReadOnlyList<string> callIds)
    {
        foreach (var callId in callIds)
        {
            var far = farSide.EnumerateArray().Single(c => c.GetProperty("callId").GetString() == callId);
            if (!board.TryGetValue(callId, out var call))
            {
                return $"Graph call {callId} is not on the board";
            }
            var expectedState = far.GetProperty("state").GetString() switch
            {
                "established" => "Connected",
                "terminated" => "Disconnected",
                var other => other,
            };
            if (call.State != expectedState)
            {
                return $"Graph call {callId}: board {call.State}, Graph {expectedState}";
            }
            if (expectedState != "Connected")
            {
                continue;
            }
            var farRoster = far.GetProperty("participants").EnumerateArray()
                .Select(p => $"{p.GetProperty("identifier").GetProperty("rawId").GetString()} muted={p.GetProperty("isMuted").GetBoolean()}").Order().ToList();
            var boardRoster = call.Participants.Select(p => $"{p.Identifier.RawId} muted={p.IsMuted}").Order().ToList();
            if (!farRoster.SequenceEqual(boardRoster))
            {
                return $"Graph call {callId}: board roster [{string.Join(", ", boardRoster)}], Graph [{string.Join(", ", farRoster)}]";
            }
        }
        return null;
    }

    /// <summary>A string property, or null when it is absent or not a string (the emulator leaves null fields out).</summary>
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
