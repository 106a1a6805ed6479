namespace CallSupervisor.Emulator.Delivery;

internal enum DeliveryKind
{
    /// <summary>Call Automation CloudEvents to the call's callback URI, with a bearer JWT.</summary>
    Acs,

    /// <summary>Event Grid events (IncomingCall) to the app's Event Grid webhook.</summary>
    EventGrid,

    /// <summary>Graph commsNotifications to the app's Graph notification endpoint.</summary>
    Graph,
}

/// <summary>
/// One post to the app. Posts sharing an <see cref="OrderingKey"/> (a call) are sent in order; <see cref="Target"/>
/// is null for posts addressed relative to the attached app.
/// </summary>
internal sealed record Delivery(DeliveryKind Kind, string OrderingKey, string EventId, string EventType, Uri? Target, byte[] Body);
