using System;

namespace LifePos.Core
{
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
}
