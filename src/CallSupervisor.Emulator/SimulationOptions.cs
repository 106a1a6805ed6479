namespace CallSupervisor.Emulator;

/// <summary>
/// How the emulated calls behave. <see cref="Enabled"/> only switches the random call generator; the timings and
/// probabilities also apply to calls started through the admin API unless the scenario overrides them. The contact
/// center's members (callers with a menu choice, a patience and a handle time; simulated agents) are in
/// SimulationOptions.ContactCenter.cs and described in the emulator's README.
/// </summary>
public sealed partial class SimulationOptions
{
    /// <summary>Generate calls after the app is attached: Poisson arrivals, or a steady load when <see cref="TargetConcurrentCalls"/> is set.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mean arrival rate of the Poisson process (exponential gaps between calls, drawn from the seed).</summary>
    public double ArrivalsPerMinute { get; set; } = 2;

    /// <summary>An arrival while this many calls are live is turned away (a trunk limit; counted in the stats).</summary>
    public int MaxConcurrentCalls { get; set; } = 40;

    /// <summary>Callers already there when the app attaches: a center at normal load is never empty.</summary>
    public int InitialCalls { get; set; } = 3;

    /// <summary>
    /// When set, the generator keeps about this many calls alive instead of Poisson arrivals (a fixed load for load
    /// tests); one arrival per <see cref="CallArrivalInterval"/> while below it. These are plain calls, not
    /// contact-center callers: they last <see cref="CallDurationMin"/>–<see cref="CallDurationMax"/> and their
    /// invitees follow the Invitation* rules.
    /// </summary>
    public int? TargetConcurrentCalls { get; set; }

    /// <summary>How often the steady generator (<see cref="TargetConcurrentCalls"/>) checks whether a new call should arrive.</summary>
    public TimeSpan CallArrivalInterval { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Length of generated Graph calls and of the steady load's calls (contact-center callers follow their patience and handle time instead).</summary>
    public TimeSpan CallDurationMin { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan CallDurationMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fraction (0–1) of generated calls that are Graph-hosted (Teams bot) calls.</summary>
    public double GraphCallShare { get; set; } = 0.25;

    /// <summary>Fraction (0–1) of generated ACS calls whose caller is a phone number (the rest are ACS users).</summary>
    public double PhoneCallerShare { get; set; } = 0.7;

    /// <summary>An IncomingCall not answered within this time stops ringing and is forgotten.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay between the answer (200) and CallConnected.</summary>
    public TimeSpan ConnectDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Delay of asynchronous outcomes: mute's ParticipantsUpdated, cancel results, PlayStarted, hang-up.</summary>
    public TimeSpan EventDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan InvitationAcceptDelayMin { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan InvitationAcceptDelayMax { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Probability (0–1) that an invitee accepts (after the accept delay).</summary>
    public double InvitationAcceptProbability { get; set; } = 0.6;

    /// <summary>Probability (0–1) that an invitee declines; the rest never answer and ring until the invitation timeout.</summary>
    public double InvitationDeclineProbability { get; set; } = 0.15;

    /// <summary>Invitation timeout when the add request gives none (ACS allows at most 180 s).</summary>
    public TimeSpan DefaultInvitationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan MediaDurationMin { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MediaDurationMax { get; set; } = TimeSpan.FromSeconds(240);

    /// <summary>
    /// Random people (ACS users, Teams users, phones) join and leave generated calls. Off by default: a contact
    /// center's calls hold the caller and the agent, not strangers.
    /// </summary>
    public bool RandomParticipants { get; set; }

    public TimeSpan ParticipantChangeIntervalMin { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ParticipantChangeIntervalMax { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Random joins stop at this roster size.</summary>
    public int MaxParticipantsPerCall { get; set; } = 6;
}
