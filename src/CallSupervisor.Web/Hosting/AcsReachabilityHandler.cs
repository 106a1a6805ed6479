namespace CallSupervisor.Web.Hosting;

/// <summary>Notes every ACS request's outcome for the operations page: an answer means ACS is reachable.</summary>
internal sealed class AcsReachabilityHandler(OperationsMonitor monitor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            monitor.AcsAnswered((int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException ex)
        {
            monitor.AcsUnreachable(ex.Message);
            throw;
        }
    }
}
