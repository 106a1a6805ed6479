namespace CallSupervisor.Board.Workflow;

/// <summary>
/// A supervisor's own endpoint (<c>Workflow:Supervisors</c>): who signs in (<see cref="UserId"/>) and what joins a
/// call when they listen in, join or take it (<see cref="Id"/>).
/// </summary>
public sealed class SupervisorSettings
{
    /// <summary>The object id (Entra's <c>oid</c> claim) of the supervisor's sign-in.</summary>
    public string? UserId { get; set; }

    /// <summary>Raw id of their endpoint: <c>8:acs:…</c> (muted by the server when listening), <c>4:+1…</c> or <c>8:orgid:…</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The name shown in calls.</summary>
    public string? Name { get; set; }

    /// <summary>Their id where they take a call as its agent; default: the user id.</summary>
    public string? Key { get; set; }
}
