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

    /// <summary>The service refused the credentials or token and signing in again was not possible.</summary>
    public sealed class LifePosAuthenticationException : LifePosApiException
    {
        public LifePosAuthenticationException(
            string message,
            int? statusCode,
            string errorCode,
            string? serverMessage,
            string method,
            string path,
            int attempts = 1,
            Exception? innerException = null)
            : base(message, statusCode, errorCode, serverMessage, method, path, false, attempts, innerException)
        {
        }
    }

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

    /// <summary>A setting is wrong (address, retry limits, missing credentials); nothing was sent.</summary>
    public sealed class LifePosConfigurationException : Exception
    {
        public LifePosConfigurationException(string message)
            : base(message)
        {
        }

        internal LifePosConfigurationException(string message, bool connectionClosed)
            : base(message)
        {
            IsConnectionClosed = connectionClosed;
        }

        /// <summary>The connection was closed (Disconnect-LifePos), perhaps while this request waited in another runspace.</summary>
        public bool IsConnectionClosed { get; }
    }
}
