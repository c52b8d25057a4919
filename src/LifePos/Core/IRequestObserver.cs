using System;
using System.Globalization;

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

    /// <summary>One finished attempt of a request.</summary>
    public sealed class RequestLog
    {
        internal RequestLog(string method, string pathAndQuery, int? statusCode, long elapsedMilliseconds, int attempt)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            StatusCode = statusCode;
            ElapsedMilliseconds = elapsedMilliseconds;
            Attempt = attempt;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        /// <summary>HTTP status, or null when no answer came.</summary>
        public int? StatusCode { get; }

        /// <summary>The status as text, or <c>failed</c> when no answer came.</summary>
        public string Status => StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "failed";

        public long ElapsedMilliseconds { get; }

        public int Attempt { get; }

        public override string ToString()
        {
            var text = Method + " " + PathAndQuery + " -> " + Status + " in " +
                       ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
            return Attempt > 1 ? text + " (attempt " + Attempt.ToString(CultureInfo.InvariantCulture) + ")" : text;
        }
    }

    /// <summary>Why and when the client tries a request again.</summary>
    public sealed class RetryInfo
    {
        internal RetryInfo(string method, string pathAndQuery, string reason, int attempt, TimeSpan delay)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            Reason = reason;
            Attempt = attempt;
            Delay = delay;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        /// <summary>What went wrong, e.g. <c>503 ServiceUnavailable</c> or <c>connection dropped</c>.</summary>
        public string Reason { get; }

        /// <summary>The attempt that failed (1 = the first try).</summary>
        public int Attempt { get; }

        public TimeSpan Delay { get; }

        public override string ToString() =>
            Method + " " + PathAndQuery + ": " + Reason + " on attempt " + Attempt.ToString(CultureInfo.InvariantCulture) +
            ", retrying in " + ((long)Delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
