namespace CallSupervisor.Emulator.Delivery;

/// <summary>Where the engines put the posts they produce (in state-change order).</summary>
internal interface IDeliverySink
{
    void Enqueue(Delivery delivery);
}
