using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Emulator.State;

/// <summary>
/// The last API requests as they arrived (method, path with query, X-LP-Client-Extensions), for GET /_emulator/requests:
/// a test reads what a client really asked for. Bounded, so a long benchmark does not grow it without end.
/// </summary>
internal sealed class RequestLog
{
    public const int Capacity = 20_000;

    private readonly object _lock = new();
    private readonly Queue<(string Method, string Path, string? Extensions)> _requests = new();

    public void Add(string method, string pathAndQuery, string? extensions)
    {
        lock (_lock)
        {
            if (_requests.Count == Capacity) _requests.Dequeue();
            _requests.Enqueue((method, pathAndQuery, extensions));
        }
    }

    public void Clear()
    {
        lock (_lock) _requests.Clear();
    }

    /// <summary>{"requests":[{"method","path","extensions"}...]}, oldest first; extensions null when the header was not sent.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        lock (_lock)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            foreach (var (method, path, extensions) in _requests)
            {
                writer.WriteStartObject();
                writer.WriteString("method", method);
                writer.WriteString("path", path);
                if (extensions is null) writer.WriteNull("extensions");
                else writer.WriteString("extensions", extensions);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
