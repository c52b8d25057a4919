using System;
using System.Collections.Generic;

namespace LifePos.Emulator.Dashboard;

/// <summary>
/// The last <see cref="Capacity"/> API requests, for the dashboard. Each entry has a rising sequence number, so a page
/// asks only for what came after the last one it has; a reset clears the log but never reuses a number.
/// </summary>
internal sealed class RequestLog
{
    // Enough for a benchmark's run to be read back whole; the page asks only for what came after its last entry.
    public const int Capacity = 20_000;
    private readonly object _lock = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private long _sequence;
    private long _cleared;

    public void Add(DateTimeOffset at, string method, string path, string status, double milliseconds, string? fault, string? requestId, string? extensions)
    {
        lock (_lock)
        {
            _entries.Enqueue(new RequestLogEntry(++_sequence, at, method, path, status, Math.Round(milliseconds, 1), fault, requestId, extensions));
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    /// <summary>
    /// The entries after <paramref name="sequence"/>, oldest first; the last sequence number given out; and the last one
    /// before the latest clear, so a page that holds older entries knows to drop them.
    /// </summary>
    public (RequestLogEntry[] Entries, long Last, long Cleared) After(long sequence)
    {
        lock (_lock)
        {
            var entries = new List<RequestLogEntry>();
            foreach (var entry in _entries)
                if (entry.Sequence > sequence) entries.Add(entry);
            return (entries.ToArray(), _sequence, _cleared);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _cleared = _sequence;
        }
    }
}
