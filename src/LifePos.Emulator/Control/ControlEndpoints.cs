using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Control;

/// <summary>
/// The loopback-only control endpoints: stats, reset, faults, revoke-tokens, clock and answers under /_emulator/, and
/// the dashboard: its page at /, its files under /_emulator/dashboard/, the JSON it reads (requests, organization).
/// </summary>
internal sealed class ControlEndpoints
{
    private const string DashboardFolder = "/_emulator/dashboard/";
    private readonly EmulatorState _state;
    private readonly DashboardEndpoints _dashboard;
    private readonly Action _stop;

    /// <param name="stop">Asks the host to stop as Ctrl+C does (the data file and --export are written).</param>
    public ControlEndpoints(EmulatorState state, Action stop)
    {
        _state = state;
        _dashboard = new DashboardEndpoints(state);
        _stop = stop;
    }

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
                "/_emulator/answers" when HttpMethods.IsPut(method) || HttpMethods.IsPost(method) => Answers(await ReadBodyAsync(http)),
                "/_emulator/answers" when HttpMethods.IsGet(method) => Answers(null),
                "/_emulator/faults" when HttpMethods.IsGet(method) => ApiResult.Ok(Json.Write(w => FaultControl.WriteSettings(w, _state.Faults))),
                "/_emulator/shutdown" when HttpMethods.IsPost(method) => Shutdown(),
                "/_emulator/requests" when HttpMethods.IsGet(method) => _dashboard.Requests(http),
                "/_emulator/organization" when HttpMethods.IsGet(method) => _dashboard.Organization(),
                "" when HttpMethods.IsGet(method) => DashboardFiles.Get("index.html"),
                _ when HttpMethods.IsGet(method) && path.StartsWith(DashboardFolder, StringComparison.Ordinal) => DashboardFiles.Get(path[DashboardFolder.Length..]),
                _ => ApiResult.Error(404, "NotFound", $"No control endpoint {method} {path}; known: GET stats, POST reset, GET|PUT faults, POST revoke-tokens, POST clock, GET|PUT answers, GET requests, GET organization, POST shutdown, and the dashboard at /."),
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
            writer.WriteString("sent_at", Json.FormatDate(sms.SentAt));
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
        _state.Faults.Configure(FaultControl.Parse(settings));
        return ApiResult.Ok(Json.Write(w => FaultControl.WriteSettings(w, _state.Faults)));
    }

    private ApiResult Shutdown()
    {
        _stop();
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("stopping", true);
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

    internal static double? Number(JsonElement settings, string name)
    {
        if (!settings.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() < 0) throw ApiException.Invalid($"{name} must be a number of at least 0.");
        return value.GetDouble();
    }

    /// <summary>{"answers":"choice=value,..."} changes the given choices, "" restores the defaults; no body reads them.</summary>
    private ApiResult Answers(JsonElement? body)
    {
        if (body is { } request)
        {
            if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("answers", out var value) || value.ValueKind != JsonValueKind.String)
                throw ApiException.Invalid("The body must be {\"answers\": \"choice=value,...\"}.");
            var text = value.GetString()!;
            try
            {
                _state.Answers = text.Trim().Length == 0 ? AnswerStyle.Default : _state.Answers.With(text);
            }
            catch (ArgumentException e)
            {
                throw ApiException.Invalid(e.Message);
            }
        }
        var style = _state.Answers;
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("answers", style.ToString());
            w.WriteStartObject("choices");
            foreach (var (name, choice) in style.Pairs()) w.WriteString(name, choice);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
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
