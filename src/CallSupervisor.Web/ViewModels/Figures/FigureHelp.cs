using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>
/// Each figure's definition in words, as its help tooltip says it: the same definitions as <see cref="QueueToday"/>
/// and <see cref="CallSupervisor.Core.Model.AgentTime"/>, with the queue's own targets filled in.
/// </summary>
public static class FigureHelp
{
    public const string Offered = "Callers who entered the queue today, those waiting now included.";

    public const string Answered = "Callers an agent answered today.";

    public static string Abandoned(QueueTargets targets) =>
        $"Callers who hung up while waiting (short abandons not included). The rate is abandoned ÷ (answered + abandoned); on target up to {FigureText.Percent(targets.AbandonmentLimit)}.";

    public static string ShortAbandoned(QueueTargets targets) =>
        $"Callers who hung up within {FigureText.Limit(targets.ShortAbandon)} of queuing: counted apart, in no rate.";

    public const string Overflowed = "Callers moved to another queue after this queue's wait limit. The total counts each caller once.";

    public static string ServiceLevel(QueueTargets targets) =>
        $"Callers answered within {FigureText.Limit(targets.AnswerWithin)} ÷ (answered + abandoned + waiting now past {FigureText.Limit(targets.AnswerWithin)}): a caller still waiting past the target already counts against it. Target: {FigureText.ServiceLevelTarget(targets)}.";

    public const string AverageSpeedOfAnswer = "Average speed of answer: the average wait in the queue of the callers who were answered today.";

    public const string LongestSpeedOfAnswer = "Longest speed of answer: the longest wait in the queue of a caller who was answered today.";

    public const string AverageHandleTime = "Average handle time: (talk + hold + wrap-up) ÷ calls handled, counting wrap-ups that have ended.";

    public const string WaitingNow = "Callers waiting in the queue now for an agent.";

    public static string LongestWaitNow(QueueTargets targets) =>
        $"How long the caller waiting longest now has waited so far. Target: no caller waits over {FigureText.Limit(targets.QueueWait)}.";

    public const string Agents = "The queue's agents now: available for a call; busy (offered a call, on a call or wrapping up); away. Offline agents are not counted.";

    public const string Occupancy = "The share of the time agents could take calls that they spent handling them: (on call + wrap-up) ÷ (available + offered + on call + wrap-up). Away and offline time is in neither.";

    public const string Handled = "Calls the agent answered and finished today.";

    public const string MissedOffers = "Offers the agent declined or let ring out today.";

    public const string TimeInState = "Time spent in each state today, since the day started.";
}
