using System;

namespace LifePos.Emulator.Dashboard;

/// <summary>
/// One API request as the dashboard lists it: its place in the log, when it arrived, the method and path (with the
/// query), the status answered ("dropped", "hung" or "aborted" where none was), the milliseconds from arrival to the
/// answer (latency included), the fault injected, the request id the answer carried, and the
/// X-LP-Client-Extensions the request sent (null without one): a test reads what a client really asked for.
/// </summary>
internal sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset At,
    string Method,
    string Path,
    string Status,
    double Milliseconds,
    string? Fault,
    string? RequestId,
    string? Extensions);
