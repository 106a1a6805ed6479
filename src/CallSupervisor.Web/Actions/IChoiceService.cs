using System.Collections.Immutable;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Actions;

/// <summary>What the supervisor chose for an action that asks (an agent, a number): its target and arguments.</summary>
public sealed record Choice(string? Target, ImmutableDictionary<string, string> Arguments);

/// <summary>Asks the supervisor what an action acts with (see <see cref="SupervisorAction.Input"/>); null: nothing chosen.</summary>
public interface IChoiceService
{
    Task<Choice?> ChooseAsync(SupervisorAction action, Call call);
}
