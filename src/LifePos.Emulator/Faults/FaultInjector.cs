using System;
using System.Collections.Generic;

namespace LifePos.Emulator.Faults;

/// <summary>
/// Decides latency and faults for each API request. Both come from Randoms seeded by the fault seed, drawn under one
/// lock in request order, so the same seed and the same request sequence give the same faults.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _lock = new();
    private readonly Queue<Fault> _next = new();
    private FaultRates _rates = FaultRates.None;
    private Random _faultRandom = new(0);
    private Random _jitterRandom = new(1);
    private RouteName? _nextEndpoint;
    private int? _outageAfter;

    public FaultInjector(EmulatorOptions options) => Reset(options);

    public int LatencyMs { get; private set; }
    public int JitterMs { get; private set; }
    public double RateLimit { get; private set; }
    public OutageMode OutageMode { get; private set; }

    /// <summary>The random fault mix in force.</summary>
    public FaultRates Rates
    {
        get
        {
            lock (_lock) return _rates;
        }
    }

    /// <summary>API requests still answered before the outage; 0: the outage is on; null: no outage set.</summary>
    public int? OutageAfter
    {
        get
        {
            lock (_lock) return _outageAfter;
        }
    }

    public void Reset(EmulatorOptions options)
    {
        lock (_lock)
        {
            _rates = FaultRates.Parse(options.Faults);
            Reseed(options.FaultSeed);
            LatencyMs = options.LatencyMs;
            JitterMs = options.JitterMs;
            RateLimit = options.RateLimit;
            _next.Clear();
            _nextEndpoint = null;
            _outageAfter = null;
            OutageMode = OutageMode.Reset;
        }
    }

    /// <summary>Applies the fields of PUT /_emulator/faults that were given; validation happened before.</summary>
    public void Configure(FaultChanges changes)
    {
        lock (_lock)
        {
            if (changes.Rates is not null) _rates = changes.Rates;
            if (changes.Seed is { } s) Reseed(s);
            if (changes.LatencyMs is { } l) LatencyMs = l;
            if (changes.JitterMs is { } j) JitterMs = j;
            if (changes.RateLimit is { } r) RateLimit = r;
            if (changes.Next is not null)
            {
                _next.Clear();
                foreach (var fault in changes.Next) _next.Enqueue(fault);
                _nextEndpoint = changes.NextEndpoint;
            }
            if (changes.OutageGiven) _outageAfter = changes.OutageAfter;
            if (changes.OutageMode is { } mode) OutageMode = mode;
        }
    }

    /// <summary>Counts one API request towards the outage; the outage's mode once it is on, else null.</summary>
    public OutageMode? CountTowardsOutage()
    {
        lock (_lock)
        {
            if (_outageAfter is not { } left) return null;
            if (left == 0) return OutageMode;
            _outageAfter = left - 1;
            return null;
        }
    }

    public int NextDelayMs()
    {
        lock (_lock)
        {
            if (LatencyMs == 0 && JitterMs == 0) return 0;
            return LatencyMs + (JitterMs > 0 ? _jitterRandom.Next(0, JitterMs + 1) : 0);
        }
    }

    public Fault? Draw(RouteName endpoint)
    {
        lock (_lock)
        {
            if (_next.Count > 0 && (_nextEndpoint is null || _nextEndpoint == endpoint))
                return _next.Dequeue();
            if (_rates.Rates.Count == 0) return null;
            var roll = _faultRandom.NextDouble();
            foreach (var (kind, rate) in _rates.Rates)
            {
                if (roll < rate) return new Fault(kind);
                roll -= rate;
            }
            return null;
        }
    }

    private void Reseed(int seed)
    {
        _faultRandom = new Random(seed);
        _jitterRandom = new Random(unchecked(seed * 31 + 7));
    }
}
