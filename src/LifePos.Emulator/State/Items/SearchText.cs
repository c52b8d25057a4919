using System.Text;
using System.Text.Json;

namespace LifePos.Emulator.State.Items;

/// <summary>The lower-case text a list's <c>query</c> searches: the given fields and every key and value of meta_data.</summary>
internal static class SearchText
{
    public static string Of(string? metaDataJson, params string?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields) text.Append(field).Append('\n');
        if (metaDataJson is not null)
        {
            using var document = JsonDocument.Parse(metaDataJson, Json.DocumentOptions);
            Append(text, document.RootElement);
        }
        return text.ToString().ToLowerInvariant();
    }

    private static void Append(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append('\n');
                    Append(text, property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Append(text, item);
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
