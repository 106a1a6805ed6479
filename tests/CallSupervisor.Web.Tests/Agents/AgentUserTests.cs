using CallSupervisor.Board.Workflow;

namespace CallSupervisor.Web.Tests.Agents;

/// <summary>How a signed-in user is tied to an agent of <c>Workflow:Agents</c>.</summary>
public sealed class AgentUserTests
{
    private static WorkflowSettings Settings(params AgentSettings[] agents) => new()
    {
        Agents = [.. agents],
        HoldMusic = new Uri("https://media.example/hold.wav"),
        MenuPrompt = new Uri("https://media.example/menu.wav"),
    };

    [Fact]
    public void AgentForUser_UserIdSet_MatchesTheObjectIdWithoutCase()
    {
        var directory = Settings(
            new AgentSettings { Key = "ana", Id = "8:acs:ana", UserId = "4A5B6C16-7E3C-4BA5-9B60-3C1E5B4F7005" },
            new AgentSettings { Key = "ben", Id = "8:acs:ben" }).ToDirectory();

        Assert.Equal("ana", directory.AgentForUser("4a5b6c16-7e3c-4ba5-9b60-3c1e5b4f7005")?.Id);
        Assert.Null(directory.AgentForUser("8:acs:ben"));
        Assert.Null(directory.AgentForUser(null));
    }

    [Fact]
    public void AgentForUser_TeamsAgentWithoutUserId_IsTheUserOfTheirOwnObjectId()
    {
        var directory = Settings(new AgentSettings { Key = "dana", Id = "8:orgid:00000000-0000-0000-0000-00000000c0de" }).ToDirectory();

        Assert.Equal("dana", directory.AgentForUser("00000000-0000-0000-0000-00000000c0de")?.Id);
    }

    [Fact]
    public void Validate_OneUserIdOnTwoAgents_Refused()
    {
        var problems = Settings(
            new AgentSettings { Key = "ana", Id = "8:acs:ana", UserId = "4a5b6c16-7e3c-4ba5-9b60-3c1e5b4f7005" },
            new AgentSettings { Key = "eli", Id = "8:acs:eli", UserId = "4A5B6C16-7E3C-4BA5-9B60-3C1E5B4F7005" }).Validate().ToList();

        var problem = Assert.Single(problems);
        Assert.Contains("UserId", problem, StringComparison.Ordinal);
        Assert.Contains("ana, eli", problem, StringComparison.Ordinal);
    }
}
