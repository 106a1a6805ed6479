using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CallSupervisor.LoadBalancer;

/// <summary>
/// Keeps the balancer's data-protection keys in memory. YARP registers data protection for its encrypted affinity
/// cookie, which this balancer does not use (its <c>HashCookie</c> cookie is a hash), and ASP.NET creates a key at
/// start: without this it would be written, unencrypted, to the home folder of whoever runs the balancer.
/// </summary>
public sealed class InMemoryKeyRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
        {
            return _elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        lock (_elements)
        {
            _elements.Add(new XElement(element));
        }
    }
}
