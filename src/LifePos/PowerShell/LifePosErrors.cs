using System;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;

namespace LifePos.PowerShell
{
    /// <summary>Turns exceptions into error records: <c>LifePos.&lt;Code&gt;</c> ids, categories from HTTP statuses.</summary>
    internal static class LifePosErrors
    {
        /// <param name="note">Appended to the message, e.g. why the run stopped there.</param>
        public static ErrorRecord FromException(Exception exception, object? target, string? note = null)
        {
            var message = exception.Message + note;
            switch (exception)
            {
                case LifePosApiException api:
                    return new ErrorRecord(WithoutStackTrace(api, message), "LifePos." + api.ErrorCode, CategoryOf(api), target);
                case LifePosConfigurationException:
                    return new ErrorRecord(new LifePosConfigurationException(message), "LifePos.InvalidConfiguration", ErrorCategory.InvalidArgument, target);
                case InvalidInputException:
                    return new ErrorRecord(new InvalidInputException(message), "LifePos.InvalidInput", ErrorCategory.InvalidData, target);
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    return FromException(aggregate.InnerExceptions[0], target, note);
                default:
                    // An unexpected failure still reads as one sentence: the message, never a stack trace.
                    return new ErrorRecord(new InvalidOperationException(message), "LifePos.UnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        public static ErrorRecord ConnectionClosed(LifePosConnection connection) =>
            new ErrorRecord(
                new InvalidOperationException("This LIFE POS connection was closed by Disconnect-LifePos. Run Connect-LifePos again, and use the new connection (-PassThru gives it)."),
                "LifePos.ConnectionClosed",
                ErrorCategory.ConnectionError,
                connection);

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new InvalidOperationException("You are not connected to LIFE POS. Run Connect-LifePos first, or pass -Connection."),
                "LifePos.NotConnected",
                ErrorCategory.ConnectionError,
                null);

        /// <summary>
        /// The same facts in an exception that was never thrown, so <c>$Error[0].Exception.ToString()</c> shows the
        /// message and no stack trace of the module's internals.
        /// </summary>
        private static LifePosApiException WithoutStackTrace(LifePosApiException exception, string message) =>
            exception is LifePosAuthenticationException
                ? new LifePosAuthenticationException(
                    message, exception.StatusCode, exception.ErrorCode, exception.ServerMessage, exception.Method, exception.Path, exception.Attempts)
                : new LifePosApiException(
                    message, exception.StatusCode, exception.ErrorCode, exception.ServerMessage, exception.Method, exception.Path,
                    exception.MayHaveSucceeded, exception.Attempts);

        private static ErrorCategory CategoryOf(LifePosApiException exception)
        {
            if (exception.ErrorCode == "InvalidResponse")
            {
                return ErrorCategory.InvalidResult;
            }

            if (exception.ErrorCode == "Timeout")
            {
                return ErrorCategory.OperationTimeout;
            }

            switch (exception.StatusCode)
            {
                case 400:
                    return ErrorCategory.InvalidArgument;
                case 401:
                    return ErrorCategory.AuthenticationError;
                case 403:
                    return ErrorCategory.PermissionDenied;
                case 404:
                    return ErrorCategory.ObjectNotFound;
                case 409:
                    return ErrorCategory.ResourceExists;
                case 422:
                    return ErrorCategory.InvalidData;
                case 429:
                    return ErrorCategory.LimitsExceeded;
                case int status when status >= 500:
                    return ErrorCategory.ConnectionError;
                case null:
                    return ErrorCategory.ConnectionError;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }
    }
}
