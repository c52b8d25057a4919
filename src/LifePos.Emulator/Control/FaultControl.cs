using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Emulator.Control;

/// <summary>The body of PUT /_emulator/faults, and its answer.</summary>
internal static class FaultControl
{
    public static FaultChanges Parse(JsonElement settings)
    {
        FaultRates? rates = null;
        if (settings.TryGetProperty("faults", out var faults) && faults.ValueKind != JsonValueKind.Null)
        {
            try
            {
                rates = FaultRates.Parse(faults.ValueKind == JsonValueKind.String ? faults.GetString() : throw ApiException.Invalid("faults must be a string."));
            }
            catch (ArgumentException e)
            {
                throw ApiException.Invalid(e.Message);
            }
        }
        List<Fault>? next = null;
        if (settings.TryGetProperty("next", out var nextElement) && nextElement.ValueKind != JsonValueKind.Null)
        {
            if (nextElement.ValueKind != JsonValueKind.Array) throw ApiException.Invalid("next must be an array of fault kinds.");
            next = new List<Fault>();
            foreach (var item in nextElement.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                if (!Fault.TryParse(text, out var fault))
                    throw ApiException.Invalid($"next: '{text}' is neither a fault kind ({FaultKinds.AllNames}) nor a forced error STATUS:Code such as 422:NotificationsAreOutOfService.");
                next.Add(fault);
            }
        }
        RouteName? nextEndpoint = null;
        if (settings.TryGetProperty("next_endpoint", out var endpoint) && endpoint.ValueKind != JsonValueKind.Null)
        {
            var key = endpoint.ValueKind == JsonValueKind.String ? endpoint.GetString() : null;
            nextEndpoint = (key is null ? null : ApiRoutes.Find(key)?.Name)
                ?? throw ApiException.Invalid($"next_endpoint must be one of {string.Join(", ", ApiRoutes.Keys)}.");
            next ??= new List<Fault>();
        }
        var outageGiven = settings.TryGetProperty("outage_after", out _);
        return new FaultChanges(rates, Int(settings, "fault_seed", int.MinValue), Int(settings, "latency_ms", 0), Int(settings, "jitter_ms", 0),
            ControlEndpoints.Number(settings, "rate_limit"), next, nextEndpoint, outageGiven, Int(settings, "outage_after", 0), Mode(settings));
    }

    /// <summary>The current latency, jitter, rate limit, outage and fault mix.</summary>
    public static void WriteSettings(Utf8JsonWriter writer, FaultInjector faults)
    {
        writer.WriteStartObject();
        writer.WriteNumber("latency_ms", faults.LatencyMs);
        writer.WriteNumber("jitter_ms", faults.JitterMs);
        writer.WriteNumber("rate_limit", faults.RateLimit);
        if (faults.OutageAfter is { } after) writer.WriteNumber("outage_after", after);
        else writer.WriteNull("outage_after");
        writer.WriteString("outage_mode", faults.OutageMode == OutageMode.Hang ? "hang" : "reset");
        writer.WriteString("faults", faults.Rates.ToString());
        writer.WriteEndObject();
    }

    private static OutageMode? Mode(JsonElement settings)
    {
        if (!settings.TryGetProperty("outage_mode", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return (value.ValueKind == JsonValueKind.String ? value.GetString() : null) switch
        {
            "reset" => OutageMode.Reset,
            "hang" => OutageMode.Hang,
            _ => throw ApiException.Invalid("outage_mode must be reset or hang."),
        };
    }

    private static int? Int(JsonElement settings, string name, int min)
    {
        if (!settings.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min)
            throw ApiException.Invalid($"{name} must be an integer{(min == 0 ? " of at least 0" : "")}.");
        return number;
    }
}
