namespace LifePos.Core.Http
{
    /// <summary>What the retry loop does after an attempt.</summary>
    internal enum RetryAction
    {
        /// <summary>The answer is a success: return it.</summary>
        Succeed,

        /// <summary>
        /// The very first answers refuse the token in its <c>Bearer</c> form: switch to the raw token (an older service
        /// takes only that), then repeat the request.
        /// </summary>
        TryRawToken,

        /// <summary>The token was refused: sign in again, then repeat the request.</summary>
        ReSignIn,

        /// <summary>The token was refused and signing in again is not possible (or did not help): report the token as bad.</summary>
        TokenRefused,

        /// <summary>A transient failure: back off and repeat.</summary>
        Retry,

        /// <summary>
        /// The server refused before acting because of load (429, or 503 with Retry-After): every request of the
        /// connection waits as it asks, then this one is repeated; a wait is not a failed try.
        /// </summary>
        Wait,

        /// <summary>The outcome is unknown and repeating could do it twice: find out what happened first.</summary>
        Resolve,

        /// <summary>Repeating will not help: report the failure.</summary>
        Fail,
    }
}
