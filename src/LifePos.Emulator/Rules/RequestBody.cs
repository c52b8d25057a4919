using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Rules;

/// <summary>Reads a JSON request body and its fields, answering 422 RequestIsNotValid for anything malformed.</summary>
internal static class RequestBody
{
    public static async ValueTask<JsonElement> ReadAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, Json.DocumentOptions, http.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.Invalid("The request body is missing or is not valid JSON.");
        }
    }

    public static void RequireObject(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("The body must be a JSON object.");
    }

    public static string? String(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw ApiException.Invalid($"{name} must be a string.");
        return value.GetString();
    }

    public static bool Bool(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw ApiException.Invalid($"{name} must be true or false.");
        return value.GetBoolean();
    }

    /// <summary>The guid of a reference {"guid": "...", "type_of": "..."}, or null when the field is missing or null.</summary>
    public static Guid? Reference(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var reference) || reference.ValueKind == JsonValueKind.Null) return null;
        if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("guid", out var guid)
            || guid.ValueKind != JsonValueKind.String || !Guid.TryParse(guid.GetString(), out var id))
            throw ApiException.Invalid($"{name} must be a reference {{\"guid\": \"...\", \"type_of\": \"...\"}}.");
        return id;
    }

    /// <summary>An object field as compact JSON text, or null when missing or null.</summary>
    public static string? Object(JsonElement body, string name, string rule)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw ApiException.Invalid(rule);
        return Json.Compact(value);
    }
}
