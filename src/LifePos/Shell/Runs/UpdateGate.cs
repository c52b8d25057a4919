using System;

namespace LifePos.Shell.Runs
{
    /// <summary>Lets an update through at most once per interval (progress a person can read, not thousands of redraws).</summary>
    internal sealed class UpdateGate
    {
        private readonly TimeSpan _interval;
        private TimeSpan? _last;

        public UpdateGate(TimeSpan interval)
        {
            _interval = interval;
        }

        /// <param name="now">Monotonic time.</param>
        /// <returns>True when an update would be shown now; nothing counts as shown.</returns>
        public bool IsOpen(TimeSpan now) => !(_last is { } last && now - last < _interval);

        /// <param name="now">Monotonic time.</param>
        /// <returns>True when the update may be shown; it then counts as the last one.</returns>
        public bool TryPass(TimeSpan now)
        {
            if (!IsOpen(now))
            {
                return false;
            }

            _last = now;
            return true;
        }
    }
}
