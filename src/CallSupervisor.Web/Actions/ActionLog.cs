using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Actions;

/// <summary>The executor's reports to operators, as log lines.</summary>
public sealed partial class ActionLog(ILogger<ActionLog> logger) : IActionLog
{
    public void RefusalNotAudited(ActionRequest command, string reason, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(command);
        LogRefusalNotAudited(exception, command.Kind, command.CallId.Value, command.Actor.Id, PhoneMask.InText(reason));
    }

    public void RateLimited(Actor actor, int refused, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(actor);
        LogRateLimited(actor.Id, actor.Name, refused, from, to);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused {Action} on {CallId} by {ActorId} ({Reason}) could not be written to the audit trail; the refusal was returned")]
    private partial void LogRefusalNotAudited(Exception exception, ActionKind action, string callId, string actorId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: {Refused} actions of {ActorId} ({ActorName}) refused between {From:O} and {To:O}")]
    private partial void LogRateLimited(string actorId, string actorName, int refused, DateTimeOffset from, DateTimeOffset to);
}
