using System;

namespace LifePos.Core.Http
{
    /// <summary>How long to wait before the next try: the server's Retry-After, or exponential backoff with jitter, capped.</summary>
    internal sealed class Backoff
    {
        private readonly TimeSpan _baseDelay;
        private readonly TimeSpan _cap;
        private readonly object _randomGate = new object();
        private readonly Random _random;

        public Backoff(TimeSpan baseDelay, TimeSpan cap, Random? random = null)
        {
            _baseDelay = baseDelay;
            _cap = cap;
            _random = random ?? new Random();
        }

        /// <param name="attempt">The attempt that failed (1 = the first try).</param>
        /// <param name="retryAfter">What the server asked for, if it did.</param>
        public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter is { } asked)
            {
                return asked > _cap ? _cap : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
            }

            var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
            var capped = Math.Min(exponential, _cap.TotalMilliseconds);
            double jitter;
            lock (_randomGate)
            {
                jitter = _random.NextDouble();
            }

            // "Equal jitter": at least half the step, so retries spread out but still back off.
            return TimeSpan.FromMilliseconds(capped / 2 + (capped / 2 * jitter));
        }
    }
}
