using System;

namespace LifePos.Core.Http
{
    /// <summary>The classifier's verdict on one attempt.</summary>
    internal readonly struct RetryDecision
    {
        public RetryDecision(RetryAction action, string reason, TimeSpan? retryAfter = null)
        {
            Action = action;
            Reason = reason;
            RetryAfter = retryAfter;
        }

        public RetryAction Action { get; }

        /// <summary>What happened, for logs and messages, e.g. <c>503 TryLater</c> or <c>connection dropped</c>.</summary>
        public string Reason { get; }

        /// <summary>The wait the server asked for, if it did.</summary>
        public TimeSpan? RetryAfter { get; }

        public override string ToString() => Action + " (" + Reason + ")";
    }
}
