using System;
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
}
