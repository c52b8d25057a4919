using System.Globalization;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Decides from one attempt's result whether a request is done, repeated, resolved or failed. Pure: it sends
    /// nothing and keeps no state, so every rule is one row of a table (see FailureClassifierTests).
    /// </summary>
    internal static class FailureClassifier
    {
        /// <param name="result">The attempt's result.</param>
        /// <param name="mode">Whether the request may be repeated after the server may have acted.</param>
        /// <param name="authenticated">The request carried the connection's token.</param>
        /// <param name="canSignInAgain">The connection can sign in and has not yet done so for this request.</param>
        /// <param name="rawTokenUntried">No answer has accepted the token's header form yet, and the raw form was not tried.</param>
        public static RetryDecision Classify(AttemptResult result, RetryMode mode, bool authenticated, bool canSignInAgain, bool rawTokenUntried)
        {
            if (result.Response != null)
            {
                return new RetryDecision(RetryAction.Succeed, "success");
            }

            if (result.StatusCode is { } status)
            {
                var code = result.Code;
                var reason = status.ToString(CultureInfo.InvariantCulture) + " " + code;
                if (status == 401 && authenticated && RefusesTheToken(result.Error?.Code))
                {
                    return rawTokenUntried ? new RetryDecision(RetryAction.TryRawToken, "401 with a Bearer token")
                        : new RetryDecision(canSignInAgain ? RetryAction.ReSignIn : RetryAction.TokenRefused, reason);
                }

                switch (status)
                {
                    // Activation and SMS bans are not a rate limit worth waiting for.
                    case 429 when code == "TryActivateLater" || code == "TrySendCodeLater":
                        return new RetryDecision(RetryAction.Fail, reason, result.RetryAfter);
                    case 429:
                    case 503 when result.RetryAfter != null:
                        return new RetryDecision(RetryAction.Wait, reason, result.RetryAfter);
                    case 503:
                        return new RetryDecision(RetryAction.Retry, reason);
                    case 500:
                    case 502:
                    case 504:
                        return Ambiguous(mode, reason);
                    default:
                        return new RetryDecision(RetryAction.Fail, reason);
                }
            }

            if (result.CertificateRefused)
            {
                return new RetryDecision(RetryAction.Fail, ReasonWithoutAnswer(result));
            }

            if (result.NotSent)
            {
                return new RetryDecision(RetryAction.Retry, ReasonWithoutAnswer(result));
            }

            return Ambiguous(mode, ReasonWithoutAnswer(result));
        }

        /// <summary>What happened to an attempt that got no answer, e.g. <c>connection dropped</c>.</summary>
        public static string ReasonWithoutAnswer(AttemptResult result) =>
            result.TimedOut ? "no answer within " + result.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : result.CertificateRefused ? "certificate refused"
            : result.NotSent ? "connection failed"
            : "connection dropped";

        /// <summary>A 401 is about the token unless the server names another cause (e.g. <c>WrongActivationCode</c>).</summary>
        private static bool RefusesTheToken(string? code) =>
            code is null || code == "Unauthorized" || code == "InvalidToken" || code == "TokenExpired";

        /// <summary>The server may have acted: a repeatable request is repeated, any other is resolved first.</summary>
        private static RetryDecision Ambiguous(RetryMode mode, string reason) =>
            new RetryDecision(mode == RetryMode.Repeatable ? RetryAction.Retry : RetryAction.Resolve, reason);
    }
}
