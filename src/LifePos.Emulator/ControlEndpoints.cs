using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator;

/// <summary>The loopback-only /_emulator/ endpoints: stats, reset, faults, revoke-tokens and clock.</summary>
internal sealed class ControlEndpoints
{
    private readonly EmulatorState _state;

    public ControlEndpoints(EmulatorState state) => _state = state;

    public async Task<ApiResult> HandleAsync(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
            return ApiResult.Error(403, "NoPermissions", "The /_emulator/ endpoints answer loopback clients only.");
        var method = http.Request.Method;
        var path = http.Request.Path.Value!.TrimEnd('/');
        try
        {
            return path switch
            {
                "/_emulator/stats" when HttpMethods.IsGet(method) => ApiResult.Ok(Stats()),
                "/_emulator/reset" when HttpMethods.IsPost(method) => Reset(),
                "/_emulator/faults" when HttpMethods.IsPut(method) || HttpMethods.IsPost(method) => Faults(await ReadBodyAsync(http)),
                "/_emulator/revoke-tokens" when HttpMethods.IsPost(method) => Revoke(await ReadBodyAsync(http)),
                "/_emulator/clock" when HttpMethods.IsPost(method) => Clock(await ReadBodyAsync(http)),
                _ => ApiResult.Error(404, "NotFound", $"No control endpoint {method} {path}; known: GET stats, POST reset, PUT faults, POST revoke-tokens, POST clock."),
            };
        }
        catch (ApiException e)
        {
            return ApiResult.Error(e);
        }
    }

    private byte[] Stats() => Json.Write(writer =>
    {
        int alive = 0, archived = 0;
        foreach (var organization in _state.Organizations)
        {
            lock (organization.Lock)
            {
                alive += organization.Workplaces.Alive;
                archived += organization.Workplaces.Archived;
            }
        }
        writer.WriteStartObject();
        _state.Stats.WriteTo(writer);
        writer.WriteStartObject("workplaces");
        writer.WriteNumber("alive", alive);
        writer.WriteNumber("archived", archived);
        writer.WriteEndObject();
        writer.WriteStartArray("sms");
        foreach (var sms in _state.Activations.Sms())
        {
            writer.WriteStartObject();
            writer.WriteString("workplace", sms.Workplace);
            writer.WriteString("employee", sms.Employee);
            writer.WriteString("phone", sms.Phone);
            if (sms.Outlet is { } outlet) writer.WriteString("outlet", outlet);
            else writer.WriteNull("outlet");
            writer.WriteString("activation_code", sms.ActivationCode);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private ApiResult Reset()
    {
        _state.Reset();
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("reset", true);
            w.WriteEndObject();
        }));
    }

    private ApiResult Faults(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } settings) throw ApiException.Invalid("The body must be a JSON object.");
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
        List<FaultKind>? next = null;
        if (settings.TryGetProperty("next", out var nextElement) && nextElement.ValueKind != JsonValueKind.Null)
        {
            if (nextElement.ValueKind != JsonValueKind.Array) throw ApiException.Invalid("next must be an array of fault kinds.");
            next = new List<FaultKind>();
            foreach (var item in nextElement.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                if (!FaultKinds.TryParse(text, out var kind)) throw ApiException.Invalid($"next: unknown fault kind '{text}'; known kinds: {FaultKinds.AllNames}.");
                next.Add(kind);
            }
        }
        string? nextEndpoint = null;
        if (settings.TryGetProperty("next_endpoint", out var endpoint) && endpoint.ValueKind != JsonValueKind.Null)
        {
            nextEndpoint = endpoint.ValueKind == JsonValueKind.String ? endpoint.GetString() : null;
            if (nextEndpoint is null || Array.IndexOf(ApiRoutes.EndpointNames, nextEndpoint) < 0)
                throw ApiException.Invalid($"next_endpoint must be one of {string.Join(", ", ApiRoutes.EndpointNames)}.");
            next ??= new List<FaultKind>();
        }
        _state.Faults.Configure(rates, Int(settings, "fault_seed", int.MinValue), Int(settings, "latency_ms", 0), Int(settings, "jitter_ms", 0),
            Number(settings, "rate_limit"), next, nextEndpoint);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("latency_ms", _state.Faults.LatencyMs);
            w.WriteNumber("jitter_ms", _state.Faults.JitterMs);
            w.WriteNumber("rate_limit", _state.Faults.RateLimit);
            w.WriteEndObject();
        }));
    }

    private ApiResult Revoke(JsonElement? body)
    {
        string? token = null;
        if (body is { ValueKind: JsonValueKind.Object } request && request.TryGetProperty("token", out var value) && value.ValueKind != JsonValueKind.Null)
            token = value.ValueKind == JsonValueKind.String ? value.GetString() : throw ApiException.Invalid("token must be a string.");
        var revoked = _state.Tokens.Revoke(token);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("revoked", revoked);
            w.WriteEndObject();
        }));
    }

    private ApiResult Clock(JsonElement? body)
    {
        var advance = TimeSpan.Zero;
        bool? frozen = null;
        if (body is { } settings)
        {
            if (settings.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("The body must be a JSON object.");
            advance = TimeSpan.FromSeconds(Number(settings, "advance_seconds") ?? 0);
            if (settings.TryGetProperty("frozen", out var value) && value.ValueKind != JsonValueKind.Null)
                frozen = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw ApiException.Invalid("frozen must be true or false.");
        }
        _state.Clock.Change(advance, frozen);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("now", Json.FormatDate(_state.Clock.GetUtcNow()));
            w.WriteBoolean("frozen", _state.Clock.IsFrozen);
            w.WriteEndObject();
        }));
    }

    private static int? Int(JsonElement settings, string name, int min)
    {
        if (!settings.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min)
            throw ApiException.Invalid($"{name} must be an integer{(min == 0 ? " of at least 0" : "")}.");
        return number;
    }

    private static double? Number(JsonElement settings, string name)
    {
        if (!settings.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() < 0) throw ApiException.Invalid($"{name} must be a number of at least 0.");
        return value.GetDouble();
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.Invalid("The body is not valid JSON.");
        }
    }
}
