using CallSupervisor.Board.Workflow;
using CallSupervisor.Web.Tests.Callbacks;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Agents;

/// <summary>
/// The in-memory app with two agents in the directory — Ana (tied to the test user "Ana Lima") and Eli (tied to
/// "Eli Haddad") — signed in as the given user with the given roles. The test sign-in's object id is <c>oid-</c> and
/// the name, so that is each agent's UserId.
/// </summary>
internal static class AgentApiApp
{
    public static CallbackAppFactory Create(string? user, params string[] roles) => new(
        callbackAuth: false,
        // The directory replaces the Development one as a whole rather than key by key.
        services: services => services.PostConfigure<WorkflowSettings>(workflow =>
        {
            workflow.Queues = [new QueueSettings { Id = "sales" }, new QueueSettings { Id = "support" }];
            workflow.Agents =
            [
                new AgentSettings { Key = "ana", Id = "8:acs:agent-ana", Name = "Ana Lima", UserId = "oid-Ana Lima", Queues = ["sales"] },
                new AgentSettings { Key = "eli", Id = "8:acs:agent-eli", Name = "Eli Haddad", UserId = "oid-Eli Haddad", Queues = ["support"] },
            ];
        }),
        user: user,
        roles: roles);
}
