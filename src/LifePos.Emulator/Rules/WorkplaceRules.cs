using System.Text.Json.Nodes;

namespace LifePos.Emulator.Rules;

/// <summary>Validation shared by create and update.</summary>
internal static class WorkplaceRules
{
    public const int MaxTextLength = 128;

    public static string WorkplaceType(string? text) =>
        WorkplaceTypes.Normalize(text)
        ?? throw ApiException.Invalid($"workplace_type must be one of {string.Join(", ", WorkplaceTypes.All)}; got {(text is null ? "nothing" : $"'{text}'")}.");

    public static string? Text(string field, string? value)
    {
        if (value is not null && value.Length > MaxTextLength)
            throw ApiException.Invalid($"{field} must be at most {MaxTextLength} characters; got {value.Length}.");
        return value;
    }

    public static void ExtensionsShape(JsonNode? extensions)
    {
        if (extensions is not JsonObject map) throw ApiException.Invalid("extensions must be an object keyed by extension name.");
        foreach (var (name, value) in map)
            if (value is not JsonObject) throw ApiException.Invalid($"extensions.{name} must be an object.");
    }

    public static void MetaDataShape(JsonNode? metaData)
    {
        if (metaData is not null and not JsonObject) throw ApiException.Invalid("meta_data must be an object or null.");
    }
}
