using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace LifePos.Emulator.State;

/// <summary>
/// A sliding one-second window per token: at most max(1, floor(RPS)) requests in any one-second interval. Only the
/// requests let through are remembered, so an answered 429 does not use up a slot.
/// </summary>
internal sealed class RequestRateLimit
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when the request may pass (and it is counted); otherwise the whole seconds until a slot frees.</summary>
    public int? TryAcquire(string token, double requestsPerSecond, DateTimeOffset now)
    {
        var allowed = (int)Math.Clamp(Math.Floor(requestsPerSecond), 1, int.MaxValue);
        var ticks = now.UtcTicks;
        var window = _windows.GetOrAdd(token, _ => new Queue<long>());
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= ticks - TimeSpan.TicksPerSecond) window.Dequeue();
            if (window.Count < allowed)
            {
                window.Enqueue(ticks);
                return null;
            }
            // After the limit was lowered the window may hold more: the newest `allowed` decide when a slot frees.
            while (window.Count > allowed) window.Dequeue();
            var wait = window.Peek() + TimeSpan.TicksPerSecond - ticks;
            return Math.Max(1, (int)Math.Ceiling(wait / (double)TimeSpan.TicksPerSecond));
        }
    }

    public void Clear() => _windows.Clear();
}
