using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Emulator.State;

/// <summary>Request counters and server times per endpoint, reported by GET /_emulator/stats.</summary>
internal sealed class Stats
{
    private readonly object _lock = new();
    private readonly SortedDictionary<string, Endpoint> _endpoints = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _faults = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, (long Count, long Total)> _latency = new(System.StringComparer.Ordinal);
    private long _total;

    public void Record(string endpoint, string status, double? serverMs)
    {
        lock (_lock)
        {
            _total++;
            if (!_endpoints.TryGetValue(endpoint, out var stats)) _endpoints[endpoint] = stats = new Endpoint();
            stats.Total++;
            stats.ByStatus[status] = stats.ByStatus.GetValueOrDefault(status) + 1;
            if (serverMs is { } ms)
            {
                stats.TimeCount++;
                stats.TimeSum += ms;
                if (ms > stats.TimeMax) stats.TimeMax = ms;
            }
        }
    }

    /// <summary>Injected latency, counted apart from the server time it does not belong to.</summary>
    public void Latency(string endpoint, int ms)
    {
        lock (_lock)
        {
            var (count, total) = _latency.GetValueOrDefault(endpoint);
            _latency[endpoint] = (count + 1, total + ms);
        }
    }

    public void Fault(string kind)
    {
        lock (_lock) _faults[kind] = _faults.GetValueOrDefault(kind) + 1;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _total = 0;
            _endpoints.Clear();
            _faults.Clear();
            _latency.Clear();
        }
    }

    /// <summary>Writes requests_total, requests, faults, server_time_ms and latency_ms.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        lock (_lock)
        {
            writer.WriteNumber("requests_total", _total);
            writer.WriteStartObject("requests");
            foreach (var (name, stats) in _endpoints)
            {
                writer.WriteStartObject(name);
                writer.WriteNumber("total", stats.Total);
                writer.WriteStartObject("by_status");
                foreach (var (status, count) in stats.ByStatus) writer.WriteNumber(status, count);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteStartObject("faults");
            foreach (var (kind, count) in _faults) writer.WriteNumber(kind, count);
            writer.WriteEndObject();
            writer.WriteStartObject("server_time_ms");
            foreach (var (name, stats) in _endpoints)
            {
                if (stats.TimeCount == 0) continue;
                writer.WriteStartObject(name);
                writer.WriteNumber("count", stats.TimeCount);
                writer.WriteNumber("mean", System.Math.Round(stats.TimeSum / stats.TimeCount, 4));
                writer.WriteNumber("max", System.Math.Round(stats.TimeMax, 4));
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteStartObject("latency_ms");
            foreach (var (name, (count, total)) in _latency)
            {
                writer.WriteStartObject(name);
                writer.WriteNumber("count", count);
                writer.WriteNumber("total", total);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
    }

    private sealed class Endpoint
    {
        public long Total;
        public readonly SortedDictionary<string, long> ByStatus = new(System.StringComparer.Ordinal);
        public long TimeCount;
        public double TimeSum;
        public double TimeMax;
    }
}
