namespace LifePos.Core
{
    /// <summary>
    /// Receives what the client does, for <c>-Verbose</c> and <c>-Debug</c>. Called from worker threads: an
    /// implementation must be thread-safe and must not write to a PowerShell pipeline directly.
    /// </summary>
    public interface IRequestObserver
    {
        /// <summary>When false the client skips building debug text (headers and bodies) altogether.</summary>
        bool IsDebugEnabled { get; }

        /// <summary>One attempt finished (or failed without an answer).</summary>
        void OnRequestCompleted(RequestLog log);

        /// <summary>Request and response headers and bodies, secrets redacted.</summary>
        void OnDebug(string text);

        /// <summary>The client is about to wait and try again.</summary>
        void OnRetry(RetryInfo info);
    }
}
