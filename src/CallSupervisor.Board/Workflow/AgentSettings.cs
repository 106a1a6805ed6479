using System.ComponentModel;
using System.Globalization;

namespace CallSupervisor.Board.Workflow;

/// <summary>
/// One agent the workflow invites: its raw id and the name supervisors see. In configuration either an object
/// (<c>{ "Id": "8:acs:…", "Name": "Ana Lima" }</c>) or just the raw id as a string (environment variables:
/// <c>Workflow__Agents__0=8:acs:…</c>); a string is read through <see cref="AgentSettingsConverter"/>.
/// </summary>
[TypeConverter(typeof(AgentSettingsConverter))]
public sealed class AgentSettings
{
    /// <summary>Raw id: <c>8:acs:…</c> ACS user, <c>4:+1…</c> phone, <c>8:orgid:…</c> Teams user.</summary>
    public string? Id { get; set; }

    /// <summary>Display name; when empty the agent is shown by the short form of its id.</summary>
    public string? Name { get; set; }

    /// <summary>The agent's id in the agent API and on the Agents page (e.g. <c>ana</c>); default: the raw id.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// The object id (Entra's <c>oid</c> claim, a GUID) of the user who signs in as this agent to use the agent API.
    /// Not needed for a Teams agent (<c>8:orgid:…</c>): their raw id already holds their object id.
    /// </summary>
    public string? UserId { get; set; }

    /// <summary>The queues the agent serves (ids of <c>Workflow:Queues</c>); empty: every queue.</summary>
    public List<string> Queues { get; set; } = [];
}

/// <summary>Lets a plain string bind as an agent with that raw id.</summary>
public sealed class AgentSettingsConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string id ? new AgentSettings { Id = id.Trim() } : base.ConvertFrom(context, culture, value);
}
