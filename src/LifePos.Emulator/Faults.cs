using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;

namespace LifePos.Emulator;

internal enum FaultKind
{
    Status500,
    Status502,
    Status503,
    Status504,
    Status429,
    DropBefore,
    DropAfter,
    Html,
    Empty,
    Truncated,
    BadShape,
    Hang,

    /// <summary>The request is processed, then the headers and half the body are sent and the rest never comes.</summary>
    StallBody,

    /// <summary>A forced API error "STATUS:Code" (the forced queue only).</summary>
    Error,
}

/// <summary>What an outage does to every API request: abort the connection at once, or never answer.</summary>
internal enum OutageMode { Reset, Hang }

/// <summary>One fault to inject; a forced error also carries its status and code.</summary>
internal readonly record struct Fault(FaultKind Kind, int Status = 0, string? Code = null)
{
    /// <summary>The fault's name in stats: its kind, or "STATUS:Code".</summary>
    public string Name => Kind == FaultKind.Error ? $"{Status}:{Code}" : FaultKinds.Name(Kind);

    /// <summary>A fault kind, or a forced error "STATUS:Code" with a status from 400 to 599 and a code of letters and digits.</summary>
    public static bool TryParse(string text, out Fault fault)
    {
        fault = default;
        if (FaultKinds.TryParse(text, out var kind))
        {
            fault = new Fault(kind);
            return true;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon != 3 || !int.TryParse(text.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 400 or > 599)
            return false;
        var code = text[4..];
        if (code.Length == 0 || !char.IsAsciiLetter(code[0]) || code.AsSpan().ContainsAnyExcept(CodeCharacters)) return false;
        fault = new Fault(FaultKind.Error, status, code);
        return true;
    }

    private static readonly SearchValues<char> CodeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}

internal static class FaultKinds
{
    private static readonly (string Name, FaultKind Kind)[] Names =
    [
        ("500", FaultKind.Status500), ("502", FaultKind.Status502), ("503", FaultKind.Status503),
        ("504", FaultKind.Status504), ("429", FaultKind.Status429), ("drop-before", FaultKind.DropBefore),
        ("drop-after", FaultKind.DropAfter), ("html", FaultKind.Html), ("empty", FaultKind.Empty),
        ("truncated", FaultKind.Truncated), ("bad-shape", FaultKind.BadShape), ("hang", FaultKind.Hang),
        ("stall-body", FaultKind.StallBody),
    ];

    public static string AllNames => string.Join(", ", Array.ConvertAll(Names, n => n.Name));

    public static bool TryParse(string text, out FaultKind kind)
    {
        foreach (var (name, value) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                kind = value;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string Name(FaultKind kind) => Names[(int)kind].Name;
}

/// <summary>The random fault mix: "500=0.1,drop-after=0.02"; rates are 0..1 and add up to at most 1.</summary>
internal sealed class FaultRates
{
    public static readonly FaultRates None = new([]);

    private FaultRates(IReadOnlyList<(FaultKind Kind, double Rate)> rates) => Rates = rates;

    public IReadOnlyList<(FaultKind Kind, double Rate)> Rates { get; }

    public static FaultRates Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var rates = new List<(FaultKind, double)>();
        var sum = 0.0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new ArgumentException($"Option --faults: '{part}' is not kind=rate.");
            var kindText = part[..equals].Trim();
            var rateText = part[(equals + 1)..].Trim();
            if (!FaultKinds.TryParse(kindText, out var kind))
                throw new ArgumentException($"Option --faults: unknown fault kind '{kindText}'; known kinds: {FaultKinds.AllNames}.");
            if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || rate > 1)
                throw new ArgumentException($"Option --faults: rate '{rateText}' of '{kindText}' is not a number from 0 to 1.");
            sum += rate;
            rates.Add((kind, rate));
        }
        if (sum > 1 + 1e-9)
            throw new ArgumentException($"Option --faults: the rates add up to {sum.ToString(CultureInfo.InvariantCulture)}, more than 1.");
        return new FaultRates(rates);
    }
}

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
    private string? _nextEndpoint;
    private int? _outageAfter;

    public FaultInjector(EmulatorOptions options) => Reset(options);

    public int LatencyMs { get; private set; }
    public int JitterMs { get; private set; }
    public double RateLimit { get; private set; }
    public OutageMode OutageMode { get; private set; }

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

    public Fault? Draw(string endpoint)
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

/// <summary>
/// The fields of PUT /_emulator/faults; null means "not given". <paramref name="OutageGiven"/> tells an explicit
/// <c>"outage_after": null</c> (end the outage) from a missing field.
/// </summary>
internal sealed record FaultChanges(
    FaultRates? Rates,
    int? Seed,
    int? LatencyMs,
    int? JitterMs,
    double? RateLimit,
    IReadOnlyList<Fault>? Next,
    string? NextEndpoint,
    bool OutageGiven,
    int? OutageAfter,
    OutageMode? OutageMode);
