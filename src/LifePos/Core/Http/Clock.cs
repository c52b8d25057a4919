using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>Time as the pipeline sees it: a monotonic reading and waits. Tests hand in their own.</summary>
    internal interface IClock
    {
        /// <summary>Monotonic time since an arbitrary start; only differences mean something.</summary>
        TimeSpan Now { get; }

        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }

    internal sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private static readonly double TicksPerStopwatchTick = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

        private SystemClock()
        {
        }

        public TimeSpan Now => TimeSpan.FromTicks((long)(Stopwatch.GetTimestamp() * TicksPerStopwatchTick));

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
