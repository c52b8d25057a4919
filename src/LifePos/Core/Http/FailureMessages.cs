using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Turns a failed request into the exception the user reads: what happened, what to do, and which request it was.
    /// </summary>
    internal sealed class FailureMessages
    {
        private readonly string _host;
        private readonly bool _canSignIn;

        public FailureMessages(string host, bool canSignIn)
        {
            _host = host;
            _canSignIn = canSignIn;
        }

        public LifePosApiException Failed(ApiRequest request, AttemptResult failure, int attempts)
        {
            if (failure.StatusCode is { } status)
            {
                var code = failure.Code;
                var serverMessage = failure.Error?.Message;
                var text = new StringBuilder("LIFE POS answered ")
                    .Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(code)
                    .Append(": ").Append(Sentence(serverMessage ?? "no details")).Append(' ').Append(Hint(code, status));
                AppendWhere(text, request, attempts);
                return new LifePosApiException(text.ToString(), status, code, serverMessage, request.Method.Method, request.LoggedPath, false, attempts);
            }

            if (failure.TimedOut)
            {
                var text = new StringBuilder("LIFE POS at ").Append(_host).Append(" did not answer within ")
                    .Append(Duration(failure.Timeout))
                    .Append(" (the per-try -Timeout of Connect-LifePos). Check the network, or try again later; if the service is just slow, raise -Timeout.");
                AppendWhere(text, request, attempts);
                return new LifePosApiException(text.ToString(), null, "Timeout", null, request.Method.Method, request.LoggedPath, false, attempts, failure.Exception);
            }

            var network = new StringBuilder("Could not reach LIFE POS at ").Append(_host).Append(": ")
                .Append(Sentence(InnermostMessage(failure.Exception)))
                .Append(" Check the network, the proxy and the address.");
            AppendWhere(network, request, attempts);
            return new LifePosApiException(network.ToString(), null, "NetworkError", null, request.Method.Method, request.LoggedPath, false, attempts, failure.Exception);
        }

        /// <summary>The call used up its operation timeout (tries, waits for a rate limit and backoff included).</summary>
        public LifePosApiException OutOfTime(ApiRequest request, AttemptResult? last, int attempts, TimeSpan operationTimeout)
        {
            var text = new StringBuilder("LIFE POS did not finish the request within ").Append(Duration(operationTimeout))
                .Append(", the time one call may take in all (-OperationTimeout of Connect-LifePos)");
            if (last != null)
            {
                text.Append("; the last try ended with ").Append(last.Answered
                    ? last.StatusCode.GetValueOrDefault(200).ToString(CultureInfo.InvariantCulture) + " " + last.Code
                    : FailureClassifier.ReasonWithoutAnswer(last));
            }

            text.Append(". Try again later, lower -ThrottleLimit if the service keeps asking to slow down, or raise -OperationTimeout.");
            AppendWhere(text, request, attempts);
            return new LifePosApiException(
                text.ToString(), last?.StatusCode, "Timeout", last?.Error?.Message, request.Method.Method, request.LoggedPath, false, attempts, last?.Exception);
        }

        public LifePosAuthenticationException TokenRefused(ApiRequest request, AttemptResult failure, int attempts, bool reSignedIn)
        {
            var code = failure.Error?.Code ?? "Unauthorized";
            var text = new StringBuilder();
            if (reSignedIn)
            {
                text.Append("LIFE POS refused the token it had just issued (401 ").Append(code)
                    .Append(") after signing in again. Run Connect-LifePos again; if it keeps happening, check the account's access to the organization.");
            }
            else if (_canSignIn)
            {
                text.Append("LIFE POS refused the token (401 ").Append(code).Append("). Run Connect-LifePos again.");
            }
            else
            {
                text.Append("LIFE POS refused the token (401 ").Append(code)
                    .Append("): it is wrong, revoked or has expired. Run Connect-LifePos again with a valid token, or with -Credential so the module can sign in again by itself.");
            }

            AppendWhere(text, request, attempts);
            return new LifePosAuthenticationException(text.ToString(), 401, code, failure.Error?.Message, request.Method.Method, request.LoggedPath, attempts);
        }

        public static LifePosApiException MayHaveSucceeded(
            ApiRequest request, AttemptResult failure, string reason, int attempts, LifePosApiException? lookupError = null)
        {
            var text = new StringBuilder(request.MayHaveHappened).Append(": the answer was lost (").Append(reason).Append(").");
            text.Append(lookupError is null
                ? " It was not sent again because repeating it could do it twice; " + request.CheckFirst + "."
                : " Looking it up afterwards failed too (" + lookupError.ErrorCode + "); " + request.CheckFirst + ".");
            AppendWhere(text, request, attempts);
            return new LifePosApiException(
                text.ToString(), failure.StatusCode, failure.Code, failure.Error?.Message, request.Method.Method, request.LoggedPath, true, attempts,
                (Exception?)lookupError ?? failure.Exception);
        }

        /// <summary>A success status whose body is not what the request expects.</summary>
        public static LifePosApiException InvalidResponse(ApiRequest request, ApiResponse response, string expected, Exception? inner = null)
        {
            var text = new StringBuilder("LIFE POS answered ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture))
                .Append(" with ").Append(DescribeUnexpected(response)).Append(" instead of ").Append(expected)
                .Append(". The address may not point to the LIFE POS API, or the service misbehaved; try again.");
            AppendWhere(text, request, response.Attempts);
            return new LifePosApiException(
                text.ToString(), response.StatusCode, "InvalidResponse", null, request.Method.Method, request.LoggedPath, false, response.Attempts, inner);
        }

        private static string DescribeUnexpected(ApiResponse response)
        {
            if (response.Body.Length == 0)
            {
                return "an empty body";
            }

            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return "JSON of another shape";
            }
            catch (JsonException)
            {
                var body = ErrorBody.Parse(response.ContentType, response.Body);
                return body.Kind switch
                {
                    "html" => body.Message!,
                    "truncated json" => "cut-off or malformed JSON",
                    _ => "text that is not JSON",
                };
            }
        }

        private static void AppendWhere(StringBuilder text, ApiRequest request, int attempts)
        {
            text.Append(" (").Append(request.Method.Method).Append(' ').Append(request.LoggedPath);
            if (attempts > 1)
            {
                text.Append(", gave up after ").Append(attempts.ToString(CultureInfo.InvariantCulture)).Append(" tries");
            }

            text.Append(')');
        }

        private static string Hint(string code, int status)
        {
            switch (code)
            {
                case "NotFound":
                    return "Check the id and the organization; archived workplaces are listed with -Selection All.";
                case "ReferenceNotFound":
                    return "Check the ids the request refers to (employee, outlet).";
                case "NoPermissions":
                    return "The account's role does not allow this; workplace changes need an Owner or Administrator.";
                case "NotAllowedForArchived":
                    return "Restore the workplace with Restore-LifePosWorkplace first.";
                case "OperationCannotBePerformed":
                    return "The workplace is not in the state the change expects; read it again and retry.";
                case "WrongActivationCode":
                    return "Codes work once and expire; get a new one with New-LifePosActivationCode.";
                case "TryActivateLater":
                    return "Too many wrong activation codes came from this address; activation is blocked for a while.";
                case "TrySendCodeLater":
                    return "A code was sent recently; try again later.";
                case "TooManyRequests":
                    return "LIFE POS limits requests per second; lower -ThrottleLimit or raise -MaxRetries.";
                case "Duplicate":
                case "NotUnique":
                    return "Such an item exists already.";
                case "RequestIsNotValid":
                case "BadRequest":
                    return "Check the values sent.";
            }

            if (status >= 300 && status < 400)
            {
                return "The address redirects elsewhere; check the base address (-BaseUri or -Environment).";
            }

            if (status == 403)
            {
                return "The account's role does not allow this.";
            }

            return status >= 500 ? "The LIFE POS service failed; try again later." : "Check the request.";
        }

        /// <summary>"30 s", "0.15 s", "5 min", "1 min 30 s".</summary>
        internal static string Duration(TimeSpan span)
        {
            if (span < TimeSpan.FromMinutes(1))
            {
                return span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
            }

            var minutes = ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min";
            return span.Seconds == 0 ? minutes : minutes + " " + span.Seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        private static string Sentence(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return "no details.";
            }

            var last = trimmed[trimmed.Length - 1];
            return last == '.' || last == '!' || last == '?' || last == '…' ? trimmed : trimmed + ".";
        }

        private static string InnermostMessage(Exception? error)
        {
            if (error is null)
            {
                return "the connection failed";
            }

            var message = error.Message;
            for (var current = error.InnerException; current != null; current = current.InnerException)
            {
                message = current.Message;
            }

            return ErrorBody.Shorten(message);
        }
    }
}
