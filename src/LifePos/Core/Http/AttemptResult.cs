using System;

namespace LifePos.Core.Http
{
    /// <summary>What one attempt gave: an answer, an error status, no answer in time, or a network failure.</summary>
    internal sealed class AttemptResult
    {
        private AttemptResult()
        {
        }

        /// <summary>The answer of a 2xx status; null for every failure.</summary>
        public ApiResponse? Response { get; private set; }

        /// <summary>The status of an error answer; null when none came.</summary>
        public int? StatusCode { get; private set; }

        public ErrorBody? Error { get; private set; }

        /// <summary>What the answer's <c>Retry-After</c> asked for.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>The exception of a timeout or network failure.</summary>
        public Exception? Exception { get; private set; }

        public bool TimedOut { get; private set; }

        /// <summary>The per-attempt timeout that ran out.</summary>
        public TimeSpan Timeout { get; private set; }

        /// <summary>The request certainly never reached the server (refused connection, unknown host).</summary>
        public bool NotSent { get; private set; }

        /// <summary>TLS refused the server's certificate: retrying will not help.</summary>
        public bool CertificateRefused { get; private set; }

        public static AttemptResult Success(ApiResponse response) => new AttemptResult { Response = response };

        /// <summary>The request id the answer carries (a request-id header, traceparent, or the body's traceId).</summary>
        public string? RequestId { get; private set; }

        public static AttemptResult Status(int status, ErrorBody error, TimeSpan? retryAfter, string? requestId) =>
            new AttemptResult { StatusCode = status, Error = error, RetryAfter = retryAfter, RequestId = requestId ?? error.TraceId };

        public static AttemptResult TimedOutAfter(TimeSpan timeout, Exception error) =>
            new AttemptResult { TimedOut = true, Timeout = timeout, Exception = error };

        public static AttemptResult Network(Exception error) =>
            new AttemptResult { Exception = error, NotSent = NetworkFailures.CertainlyNotSent(error), CertificateRefused = NetworkFailures.IsCertificateFailure(error) };

        /// <summary>True when the service answered at all (any status).</summary>
        public bool Answered => Response != null || StatusCode != null;

        /// <summary>The server's code, or one that stands for the status or the failure (<c>Timeout</c>, <c>NetworkError</c>).</summary>
        public string Code => StatusCode is { } status
            ? Error?.Code ?? ErrorBody.CodeForStatus(status)
            : TimedOut ? "Timeout" : "NetworkError";
    }
}
