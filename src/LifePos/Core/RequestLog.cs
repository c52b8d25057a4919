using System.Globalization;

namespace LifePos.Core
{
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
}
