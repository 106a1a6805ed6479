namespace CallSupervisor.Emulator;

/// <summary>The callers and agents of the simulated contact center (section <c>Emulator:Simulation</c>).</summary>
public sealed partial class SimulationOptions
{
    /// <summary>Time a caller takes to press a key once the menu (:recognize) starts.</summary>
    public TimeSpan MenuTimeMin { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MenuTimeMax { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// The key each caller presses, by relative weight (keys 0–9, * and #). Configuration adds to these defaults, so
    /// give a default key the weight 0 to remove it.
    /// </summary>
    /// <summary>The key a caller without a plan (a scripted scenario call) presses in the menu.</summary>
    public string DefaultMenuKey { get; set; } = "1";

    public Dictionary<string, double> MenuWeights { get; set; } = new(StringComparer.Ordinal) { ["1"] = 55, ["2"] = 45 };

    /// <summary>
    /// Mean of a caller's patience, counted from the answer: with no agent connected by then, the caller hangs up. It is
    /// <see cref="PatienceMin"/> plus an exponential draw, so this is the mean of the whole.
    /// </summary>
    public TimeSpan PatienceMean { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Nobody hangs up sooner: the menu and a first ring fit in it (real callers rarely leave in the first seconds).</summary>
    public TimeSpan PatienceMin { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Fraction (0–1) of callers who never hang up while waiting.</summary>
    public double PatientCallerShare { get; set; } = 0.1;

    /// <summary>Mean talk time once an agent is connected (lognormal), after which the caller hangs up.</summary>
    public TimeSpan HandleTimeMean { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Spread of the handle time: the standard deviation of its logarithm (0 = always the mean).</summary>
    public double HandleTimeSpread { get; set; } = 0.6;

    public TimeSpan HandleTimeMin { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan HandleTimeMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Offers (participants:add) to <see cref="Agents"/> follow the agent rules below; off, every invitee behaves as any other.</summary>
    public bool SimulateAgents { get; set; } = true;

    /// <summary>The simulated agents by raw id; empty means the eight defaults of <see cref="SimulatedAgent.Defaults"/>.</summary>
    public List<SimulatedAgent> Agents { get; set; } = [];

    /// <summary>How long an offer rings on an agent's device before the agent accepts or declines.</summary>
    public TimeSpan AgentRingTimeMin { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan AgentRingTimeMax { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Probability (0–1) that an agent accepts an offer after the ring time.</summary>
    public double AgentAcceptProbability { get; set; } = 0.85;

    /// <summary>Probability (0–1) that an agent declines; the rest do not answer until the invitation timeout.</summary>
    public double AgentDeclineProbability { get; set; } = 0.07;

    /// <summary>The agents in effect: the configured ones, else the defaults.</summary>
    public IReadOnlyList<SimulatedAgent> EffectiveAgents => Agents is { Count: > 0 } configured ? configured : SimulatedAgent.Defaults;
}

/// <summary>A simulated agent: the raw id offers name (ACS user or Teams user) and a display name.</summary>
public sealed class SimulatedAgent
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Eight agents: sales (menu 1) Ana, Ben, Cho, Dana (Teams); support (menu 2) Eli, Fay, Gus, Hana. Queues are the app's business.</summary>
    public static IReadOnlyList<SimulatedAgent> Defaults { get; } =
    [
        new() { Id = "8:acs:emulator_agent-ana", Name = "Ana Lima" },
        new() { Id = "8:acs:emulator_agent-ben", Name = "Ben Okafor" },
        new() { Id = "8:acs:emulator_agent-cho", Name = "Cho Min-jun" },
        new() { Id = "8:orgid:00000000-0000-0000-0000-00000000c0de", Name = "Dana Kowalski (Teams)" },
        new() { Id = "8:acs:emulator_agent-eli", Name = "Eli Haddad" },
        new() { Id = "8:acs:emulator_agent-fay", Name = "Fay Nakamura" },
        new() { Id = "8:acs:emulator_agent-gus", Name = "Gus Moreau" },
        new() { Id = "8:acs:emulator_agent-hana", Name = "Hana Sato" },
    ];
}
