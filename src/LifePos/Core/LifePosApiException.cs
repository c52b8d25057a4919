using System;

namespace LifePos.Core
{
    /// <summary>A LIFE POS call failed. <see cref="Exception.Message"/> says what happened and what to do.</summary>
    public class LifePosApiException : Exception
    {
        public LifePosApiException(
            string message,
            int? statusCode,
            string errorCode,
            string? serverMessage,
            string method,
            string path,
            bool mayHaveSucceeded = false,
            int attempts = 1,
            Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ServerMessage = serverMessage;
            Method = method;
            Path = path;
            MayHaveSucceeded = mayHaveSucceeded;
            Attempts = attempts;
        }

        /// <summary>HTTP status, or null when no answer came.</summary>
        public int? StatusCode { get; }

        /// <summary>The server's code (e.g. <c>NotFound</c>) or <c>NetworkError</c>, <c>Timeout</c>, <c>InvalidResponse</c>.</summary>
        public string ErrorCode { get; }

        /// <summary>The server's own message, shortened and with secrets redacted.</summary>
        public string? ServerMessage { get; }

        public string Method { get; }

        /// <summary>Path and query of the request.</summary>
        public string Path { get; }

        /// <summary>True when the server may have carried the request out although the call failed (ambiguous create).</summary>
        public bool MayHaveSucceeded { get; }

        /// <summary>Tries made, the first included.</summary>
        public int Attempts { get; }

        /// <summary>What to do next, in one sentence (also part of <see cref="Exception.Message"/>).</summary>
        public string? RecommendedAction { get; internal set; }

        /// <summary>The id the service gave the failed request (a request-id header, traceparent or traceId), for its support.</summary>
        public string? RequestId { get; internal set; }
    }
}
