using System;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>Turns exceptions into error records: <c>LifePos.&lt;Code&gt;</c> ids, categories from HTTP statuses.</summary>
    internal static class LifePosErrors
    {
        /// <summary>
        /// The record for a failure: an exception that was never thrown (so Get-Error shows no frame of the module),
        /// and ErrorDetails with the message and a RecommendedAction, the next step.
        /// </summary>
        /// <param name="note">Appended to the message, e.g. why the run stopped there.</param>
        public static ErrorRecord FromException(Exception exception, object? target, string? note = null)
        {
            var message = exception.Message + note;
            switch (exception)
            {
                case LifePosApiException api:
                    return WithDetails(
                        new ErrorRecord(WithoutStackTrace(api, message), "LifePos." + api.ErrorCode, CategoryOf(api), target),
                        api.RecommendedAction ?? "Check the message, then run the command again.");
                case LifePosConfigurationException closed when closed.IsConnectionClosed:
                    return WithDetails(
                        new ErrorRecord(new LifePosConfigurationException(message, connectionClosed: true), "LifePos.ConnectionClosed", ErrorCategory.ConnectionError, target),
                        "Run Connect-LifePos again, and use the new connection (-PassThru gives it).");
                case LifePosConfigurationException:
                    return WithDetails(
                        new ErrorRecord(new LifePosConfigurationException(message), "LifePos.InvalidConfiguration", ErrorCategory.InvalidArgument, target),
                        "Fix the setting the message names (see Get-Help Connect-LifePos), then run Connect-LifePos again.");
                case InvalidInputException:
                    return WithDetails(
                        new ErrorRecord(new InvalidInputException(message), "LifePos.InvalidInput", ErrorCategory.InvalidData, target),
                        "Fix the value the message names; nothing was sent for this row, so run it again once fixed.");
                case UndoRefusedException refused:
                    return WithDetails(
                        new ErrorRecord(new InvalidOperationException(message), "LifePos." + refused.Code, ErrorCategory.InvalidOperation, target),
                        refused.Code == UndoRefusedException.Conflict
                            ? "Look at the workplace and the journal: undo with -Force to put the old values back anyway, or leave it."
                            : "Nothing was sent for it; do what the message says by hand, if it is needed.");
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    return FromException(aggregate.InnerExceptions[0], target, note);
                default:
                    // An unexpected failure still reads as one sentence: the message, never a stack trace.
                    return WithDetails(
                        new ErrorRecord(new InvalidOperationException(message), "LifePos.UnexpectedError", ErrorCategory.NotSpecified, target),
                        "Run the command again with -Debug to see the requests; if it persists, report the message.");
            }
        }

        private static ErrorRecord WithDetails(ErrorRecord record, string recommendedAction)
        {
            record.ErrorDetails = new ErrorDetails(record.Exception.Message) { RecommendedAction = recommendedAction };
            return record;
        }

        /// <summary>Get-LifePosWorkplace -Number that names no workplace: an error, as an unknown -Id is.</summary>
        public static ErrorRecord NumberNotFound(int number, string selection) =>
            Own(
                "No workplace has number " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (-Selection " + selection + ").",
                "LifePos.NotFound", ErrorCategory.ObjectNotFound, number, "Check the number; -Selection All also finds archived workplaces.");

        public static ErrorRecord ConnectionClosed(LifePosConnection connection) =>
            WithDetails(
                new ErrorRecord(
                    new InvalidOperationException("This LIFE POS connection was closed by Disconnect-LifePos. Run Connect-LifePos again, and use the new connection (-PassThru gives it)."),
                    "LifePos.ConnectionClosed",
                    ErrorCategory.ConnectionError,
                    connection),
                "Run Connect-LifePos again, and use the new connection (-PassThru gives it).");

        public static ErrorRecord NotConnected() =>
            WithDetails(
                new ErrorRecord(
                    new InvalidOperationException("You are not connected to LIFE POS. Run Connect-LifePos first, or pass -Connection."),
                    "LifePos.NotConnected",
                    ErrorCategory.ConnectionError,
                    null),
                "Run Connect-LifePos first, or pass -Connection.");

        /// <summary>An error of the module's own (not from LIFE POS), with its next step.</summary>
        /// <summary>A question this PowerShell cannot ask (it runs non-interactive): what asked, and how not to be asked.</summary>
        public static ErrorRecord CannotAsk(string whatAsks, string recommendedAction) =>
            Own(whatAsks + ", but this PowerShell cannot ask: it runs non-interactive (pwsh -NonInteractive, a scheduled task or a job). " +
                "Nothing more was sent. " + recommendedAction,
                "LifePos.CannotAsk", ErrorCategory.InvalidOperation, null, recommendedAction);

        public static ErrorRecord Own(string message, string errorId, ErrorCategory category, object? target, string recommendedAction) =>
            WithDetails(new ErrorRecord(new InvalidOperationException(message), errorId, category, target), recommendedAction);

        /// <summary>
        /// The same facts in an exception that was never thrown, so <c>$Error[0].Exception.ToString()</c> shows the
        /// message and no stack trace of the module's internals.
        /// </summary>
        private static LifePosApiException WithoutStackTrace(LifePosApiException exception, string message)
        {
            LifePosApiException copy = exception switch
            {
                LifePosAuthenticationException => new LifePosAuthenticationException(
                    message, exception.StatusCode, exception.ErrorCode, exception.ServerMessage, exception.Method, exception.Path, exception.Attempts),
                LifePosServiceUnreachableException => new LifePosServiceUnreachableException(message, exception.Method, exception.Path),
                _ => new LifePosApiException(
                    message, exception.StatusCode, exception.ErrorCode, exception.ServerMessage, exception.Method, exception.Path,
                    exception.MayHaveSucceeded, exception.Attempts),
            };
            copy.RecommendedAction = exception.RecommendedAction;
            copy.RequestId = exception.RequestId;
            return copy;
        }

        private static ErrorCategory CategoryOf(LifePosApiException exception)
        {
            if (exception.ErrorCode == "InvalidResponse" || exception.ErrorCode == "UnreadableItem")
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
