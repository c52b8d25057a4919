using System;
using System.Globalization;

namespace LifePos.Core
{
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
