using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallSupervisor.Client;

namespace CallSupervisor.Load.Support;

/// <summary>
/// A call both sides know: the emulator created it and the app answered it. <c>CallerE164</c> is the caller's phone
/// number; <c>Users</c> the raw ids of the ACS users that joined on their own, the first being the one the driver
/// mutes and unmutes.
/// </summary>
public sealed record SeededCall(string CallId, string ServerCallId, string CorrelationId, string CallerE164, IReadOnlyList<string> Users);

/// <summary>
/// Creates calls through the emulator's admin API (<c>POST emulator/calls</c>), as the end-to-end restart
/// measurement does, and waits until the app's board shows all of them settled: connected, every participant in
/// the roster, the workflow's agent invitation over (declined at once, so it neither rings nor times out during a
/// measurement), media running for an hour.
/// </summary>
public static class Seeder
{
    private const int Chunk = 250;
    private static int _callers;

    /// <summary>
    /// Creates <paramref name="count"/> calls, each with <paramref name="users"/> ACS users besides the phone caller,
    /// and waits on <paramref name="hub"/>'s board, counting on top of <paramref name="before"/> calls seeded earlier.
    /// </summary>
    public static async Task<IReadOnlyList<SeededCall>> SeedAsync(AppUnderTest app, CallsHubClient hub, int count, int users, int before, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var calls = new List<SeededCall>(count);
        var baseParticipants = hub.Board.Counts.Participants;
        // In chunks, each waited for: the app answers 16 calls at a time, so a flood of IncomingCalls would only queue.
        for (var offset = 0; offset < count; offset += Chunk)
        {
            var size = Math.Min(Chunk, count - offset);
            var chunk = new SeededCall[size];
            await Parallel.ForAsync(0, size, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
                chunk[i] = await CreateAsync(app, users, token));
            calls.AddRange(chunk);
            var live = before + calls.Count;
            await hub.WaitForAsync(b => b.Counts.LiveCalls >= live, TimeSpan.FromMinutes(5), ct);
        }
        var participants = baseParticipants + count * (1 + users);
        await hub.WaitForAsync(
            b => b.Counts.LiveCalls >= before + count && b.Counts.Participants >= participants && b.Counts.PendingInvitations == 0,
            TimeSpan.FromMinutes(5), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  seeded {count:#,0} calls ({1 + users} participants each) in {clock.Elapsed.TotalSeconds:0.0} s; board: {hub.Board}"));
        // The app reads every new call from ACS once, at its next maintenance tick (every 5 s; 1 s under --smoke), four
        // reads at a time. That read is ACS's truth, which knows nothing of the rosters the driver posts: one landing in
        // a round would put the emulator's roster back over the driver's and lose changes. Quiet for longer than a tick
        // means the reads are over.
        await Idle.WaitAsync(app.ProcessId, "the app", quiet: HarnessMode.Smoke ? 3 : 12, TimeSpan.FromSeconds(60 + count / 50.0), ct);
        return calls;
    }

    private static async Task<SeededCall> CreateAsync(AppUnderTest app, int users, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _callers);
        var caller = "+1425" + (2_000_000 + n).ToString(CultureInfo.InvariantCulture);
        var joiners = Enumerable.Range(0, users)
            .Select(_ => $"8:acs:{app.Emulator.ResourceId}_{Guid.NewGuid()}")
            .ToList();
        var scenario = new
        {
            platform = "acs",
            caller = new { kind = "phoneNumber", value = caller, name = "Load caller " + n.ToString(CultureInfo.InvariantCulture) },
            participants = joiners.Select(id => new { kind = "communicationUser", value = id, joinAfterSeconds = 0 }).ToArray(),
            invitationBehavior = "decline",
            acceptAfterSeconds = 0,
            mediaDurationSeconds = 3600,
        };
        using var response = await app.Admin.PostAsync("emulator/calls", JsonContent.Create(scenario), ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"emulator/calls answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
        using var started = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = started.RootElement;
        return new SeededCall(
            root.GetProperty("callId").GetString()!, root.GetProperty("serverCallId").GetString()!,
            root.GetProperty("correlationId").GetString()!, caller, joiners);
    }
}
