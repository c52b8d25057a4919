using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Turns a failed request into the exception the user reads: what happened, what to do, and which request it was.
    /// </summary>
    internal sealed class FailureMessages
    {
        private const string TimeoutAction = "Check the network, or try again later; if the service is just slow, raise -Timeout of Connect-LifePos.";
        private const string NetworkAction = "Check the network, the proxy and the address.";
        private const string InvalidResponseAction =
            "The address may not point to the LIFE POS API (check -BaseUri), or the service misbehaved; try again.";

        private readonly string _host;
        private readonly bool _canSignIn;

        private const string ProxyAction =
            "Give Connect-LifePos -ProxyCredential with the proxy's login, or check -Proxy (or the system's proxy settings, or -NoProxy).";

        public FailureMessages(string host, bool canSignIn)
        {
            _host = host;
            _canSignIn = canSignIn;
        }

        public LifePosApiException Failed(ApiRequest request, AttemptResult failure, int attempts)
        {
            if (failure.StatusCode == 407)
            {
                // The proxy answered, not LIFE POS: every request will get the same until the proxy login is given.
                var text = new StringBuilder("The proxy refused the request (407 Proxy Authentication Required). ").Append(ProxyAction);
                AppendWhere(text, request, attempts, null);
                return new LifePosApiException(text.ToString(), 407, "ProxyAuthenticationRequired", null, request.Method.Method, request.LoggedPath, false, attempts)
                {
                    RecommendedAction = ProxyAction,
                };
            }

            if (failure.StatusCode is { } status)
            {
                var code = failure.Code;
                var serverMessage = failure.Error?.Message;
                var hint = Hint(code, status, request.PathAndQuery);
                var text = new StringBuilder("LIFE POS answered ")
                    .Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(code)
                    .Append(": ").Append(Sentence(serverMessage ?? "no details")).Append(' ').Append(hint);
                AppendWhere(text, request, attempts, failure.RequestId);
                return new LifePosApiException(text.ToString(), status, code, serverMessage, request.Method.Method, request.LoggedPath, false, attempts)
                {
                    RecommendedAction = hint,
                    RequestId = failure.RequestId,
                };
            }

            if (failure.TimedOut)
            {
                var text = new StringBuilder("LIFE POS at ").Append(_host).Append(" did not answer within ")
                    .Append(Duration(failure.Timeout))
                    .Append(" (the per-try -Timeout of Connect-LifePos). ").Append(TimeoutAction);
                AppendWhere(text, request, attempts);
                return new LifePosApiException(text.ToString(), null, "Timeout", null, request.Method.Method, request.LoggedPath, false, attempts, failure.Exception)
                {
                    RecommendedAction = TimeoutAction,
                };
            }

            var network = new StringBuilder("Could not reach LIFE POS at ").Append(_host).Append(": ")
                .Append(Sentence(InnermostMessage(failure.Exception))).Append(' ').Append(NetworkAction);
            AppendWhere(network, request, attempts);
            return new LifePosApiException(network.ToString(), null, "NetworkError", null, request.Method.Method, request.LoggedPath, false, attempts, failure.Exception)
            {
                RecommendedAction = NetworkAction,
            };
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

            const string action = "Try again later, lower -ThrottleLimit if the service keeps asking to slow down, or raise -OperationTimeout.";
            text.Append(". ").Append(action);
            AppendWhere(text, request, attempts, last?.RequestId);
            return new LifePosApiException(
                text.ToString(), last?.StatusCode, "Timeout", last?.Error?.Message, request.Method.Method, request.LoggedPath, false, attempts, last?.Exception)
            {
                RecommendedAction = action,
                RequestId = last?.RequestId,
            };
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

            AppendWhere(text, request, attempts, failure.RequestId);
            return new LifePosAuthenticationException(text.ToString(), 401, code, failure.Error?.Message, request.Method.Method, request.LoggedPath, attempts)
            {
                RecommendedAction = reSignedIn || !_canSignIn
                    ? "Run Connect-LifePos again with a valid token, or with -Credential so the module can sign in again by itself."
                    : "Run Connect-LifePos again.",
                RequestId = failure.RequestId,
            };
        }

        public static LifePosApiException MayHaveSucceeded(
            ApiRequest request, AttemptResult failure, string reason, int attempts, LifePosApiException? lookupError = null)
        {
            var text = new StringBuilder(request.MayHaveHappened).Append(": the answer was lost (").Append(reason).Append(").");
            text.Append(lookupError is null
                ? " It was not sent again because repeating it could do it twice; " + request.CheckFirst + "."
                : " Looking it up afterwards failed too (" + lookupError.ErrorCode + "); " + request.CheckFirst + ".");
            AppendWhere(text, request, attempts, failure.RequestId);
            return new LifePosApiException(
                text.ToString(), failure.StatusCode, failure.Code, failure.Error?.Message, request.Method.Method, request.LoggedPath, true, attempts,
                (Exception?)lookupError ?? failure.Exception)
            {
                RecommendedAction = Capitalize(request.CheckFirst) + ".",
                RequestId = failure.RequestId,
            };
        }

        /// <summary>A success status whose body is not what the request expects.</summary>
        public static LifePosApiException InvalidResponse(ApiRequest request, ApiResponse response, string expected, Exception? inner = null)
        {
            var text = new StringBuilder("LIFE POS answered ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture))
                .Append(" with ").Append(DescribeUnexpected(response)).Append(" instead of ").Append(expected)
                .Append(". ").Append(InvalidResponseAction);
            AppendWhere(text, request, response.Attempts);
            return new LifePosApiException(
                text.ToString(), response.StatusCode, "InvalidResponse", null, request.Method.Method, request.LoggedPath, false, response.Attempts, inner)
            {
                RecommendedAction = InvalidResponseAction,
            };
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

        private static void AppendWhere(StringBuilder text, ApiRequest request, int attempts, string? requestId = null)
        {
            text.Append(" (").Append(request.Method.Method).Append(' ').Append(request.LoggedPath);
            if (attempts > 1)
            {
                text.Append(", gave up after ").Append(attempts.ToString(CultureInfo.InvariantCulture)).Append(" tries");
            }

            if (requestId != null)
            {
                text.Append(", request id ").Append(SecretRedactor.Redact(requestId));
            }

            text.Append(')');
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>The next step for a refusal, fitted to its code and, for a 404, to what was asked for.</summary>
        private static string Hint(string code, int status, string path)
        {
            switch (code)
            {
                case "NotFound":
                    return NotFoundHint(path);
                case "ReferenceNotFound":
                    return "Check the ids the request refers to: Get-LifePosEmployee and Get-LifePosOutlet list the employees and outlets.";
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
                    return "An SMS went to this phone a short while ago: wait before sending another, or generate the code without -SendSms and pass it on yourself.";
                case "NotificationsAreOutOfService":
                    return "LIFE POS could not send the SMS (its notification service is out of order): try again later, or generate the code without -SendSms and pass it on yourself.";
                case "PhoneIsNotFound":
                case "PhoneIsNotFoundInOrganization":
                    return "The employee has no phone number to send the SMS to: add one in LIFE POS, or generate the code without -SendSms.";
                case "WrongUsernameOrPassword":
                case "UsernameDoesNotExist":
                    return "Check the login (a phone number or the full user name) and the password, then run Connect-LifePos again.";
                case "PhoneIsAlreadyTaken":
                case "UsernameIsAlreadyTaken":
                case "AliasIsAlreadyTaken":
                case "Duplicate":
                case "NotUnique":
                case "NotNullOrUnique":
                    return "Such an item exists already: use another value, or find the existing one.";
                case "NotAllowed":
                case "NotAllowedForOwner":
                    return "LIFE POS does not allow this here.";
                case "TooManyRequests":
                case "TryLater":
                    return "LIFE POS is busy or limits requests per second; try again later, or lower -ThrottleLimit.";
                case "RequestIsNotValid":
                case "BadRequest":
                    return "Check the values sent.";
            }

            if (status == 404)
            {
                return NotFoundHint(path);
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

        /// <summary>A 404's cause depends on what was asked for: the API itself, an organization, or one item.</summary>
        private static string NotFoundHint(string path)
        {
            var segments = path.Split('?')[0].Trim('/').Split('/');
            if (segments.Length > 0 && segments[0].Equals("v6", StringComparison.OrdinalIgnoreCase))
            {
                segments = segments.Skip(1).ToArray();
            }

            if (segments.Length <= 1 || segments[0] != "orgs")
            {
                return "The address answers, but not as the LIFE POS API does: check -BaseUri (e.g. https://api.life-pos.ru; a path only when a gateway puts the API under one).";
            }

            if (segments.Length <= 3)
            {
                return "The organization was not found, or this account cannot reach it: check -OrganizationId (Connect-LifePos lists the organizations the account reaches).";
            }

            switch (segments[2])
            {
                case "workplaces":
                    return "Check the workplace id and the organization; archived workplaces are listed with -Selection All.";
                case "employees":
                    return "Check the employee id and the organization; Get-LifePosEmployee lists the employees.";
                case "outlets":
                    return "Check the outlet id and the organization; Get-LifePosOutlet lists the outlets.";
                default:
                    return "Check the id and the organization.";
            }
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
