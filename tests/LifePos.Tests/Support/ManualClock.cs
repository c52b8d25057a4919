using System.Collections.Concurrent;
using LifePos.Core.Http;

namespace LifePos.Tests.Support;

/// <summary>
/// A clock for the retry loop that never sleeps: it records every wait asked for and completes it at once, or, with
/// <see cref="HoldWaits"/>, keeps it pending until the wait is cancelled.
/// </summary>
internal sealed class ManualClock : IClock
{
    private long _ticks;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public bool HoldWaits { get; set; }

    /// <summary>Completes when a wait has been asked for (with <see cref="HoldWaits"/>, the wait is then pending).</summary>
    public TaskCompletionSource<TimeSpan> FirstWait { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Waits.Enqueue(delay);
        FirstWait.TrySetResult(delay);
        if (!HoldWaits)
        {
            Advance(delay);
            return Task.CompletedTask;
        }

        var pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
        return pending.Task;
    }
}
