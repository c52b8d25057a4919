using System;

namespace LifePos.Emulator.State;

/// <summary>
/// The emulator's one source of time: the system clock plus an offset that POST /_emulator/clock moves forward.
/// It can also stand still (frozen), so a test decides exactly how much time passes between two requests.
/// </summary>
internal sealed class EmulatorClock : TimeProvider
{
    private readonly object _lock = new();
    private volatile Setting _setting = Setting.Real;

    public bool IsFrozen => _setting.FrozenAt is not null;

    public override DateTimeOffset GetUtcNow()
    {
        var setting = _setting;
        return setting.FrozenAt ?? System.GetUtcNow() + setting.Offset;
    }

    /// <summary>The current time to the millisecond: what every stored date-time is made of.</summary>
    public DateTimeOffset Now()
    {
        var now = GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>Moves the time forward and, when <paramref name="frozen"/> is given, stops or restarts it.</summary>
    public void Change(TimeSpan advance, bool? frozen)
    {
        lock (_lock)
        {
            var now = GetUtcNow() + advance;
            var freeze = frozen ?? IsFrozen;
            _setting = freeze ? new Setting(TimeSpan.Zero, now) : new Setting(now - System.GetUtcNow(), null);
        }
    }

    /// <summary>Back to the system time, running.</summary>
    public void Reset() => _setting = Setting.Real;

    private sealed record Setting(TimeSpan Offset, DateTimeOffset? FrozenAt)
    {
        public static readonly Setting Real = new(TimeSpan.Zero, null);
    }
}
