namespace LifePos.Core
{
    /// <summary>
    /// The service has not been reachable for the connection's outage timeout: requests fail at once instead of being
    /// retried, and a bulk run stops.
    /// </summary>
    public sealed class LifePosServiceUnreachableException : LifePosApiException
    {
        public LifePosServiceUnreachableException(string message, string method, string path)
            : base(message, null, "ServiceUnreachable", null, method, path)
        {
        }
    }
}
