using System.Collections.Generic;

namespace LifePos.Emulator.Faults;

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
    RouteName? NextEndpoint,
    bool OutageGiven,
    int? OutageAfter,
    OutageMode? OutageMode);
