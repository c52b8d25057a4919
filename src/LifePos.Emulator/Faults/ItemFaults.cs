using System.Text.Json;

namespace LifePos.Emulator.Faults;

/// <summary>
/// The faults that spoil one item of a list page and leave the rest as served (deep-item, bad-item): the answer a
/// client must read item by item, so that one item it cannot read fails alone.
/// </summary>
internal static class ItemFaults
{
    /// <summary>Arrays nested 1,000 deep: deeper than any client reads a value (System.Text.Json and the module stop at 64).</summary>
    private const int SpoiledDepth = 1000;

    private static readonly string TooDeep = new string('[', SpoiledDepth) + new string(']', SpoiledDepth);

    /// <summary>The answer with its first listed item spoiled; an answer that lists nothing comes back as it was.</summary>
    public static ApiResult Spoil(ApiResult result, FaultKind kind)
    {
        if (result.Status != 200 || result.Body.IsEmpty) return result;
        using var page = JsonDocument.Parse(result.Body, Json.DocumentOptions);
        var root = page.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) ||
            items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            return result;

        var body = Json.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var field in root.EnumerateObject())
            {
                if (!field.NameEquals("items"))
                {
                    field.WriteTo(writer);
                    continue;
                }
                writer.WriteStartArray("items");
                var first = true;
                foreach (var item in field.Value.EnumerateArray())
                {
                    if (first) WriteSpoiled(writer, item, kind);
                    else item.WriteTo(writer);
                    first = false;
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        });
        return result with { Body = body };
    }

    private static void WriteSpoiled(Utf8JsonWriter writer, JsonElement item, FaultKind kind)
    {
        writer.WriteStartObject();
        var spoiled = false;
        foreach (var field in item.EnumerateObject())
        {
            if (kind == FaultKind.DeepItem && field.NameEquals("meta_data"))
            {
                WriteTooDeep(writer);
                spoiled = true;
            }
            else if (kind == FaultKind.BadItem && field.NameEquals("guid"))
            {
                writer.WriteString("guid", "not-a-guid");
                spoiled = true;
            }
            else
            {
                field.WriteTo(writer);
            }
        }
        // A compact item leaves meta_data out: the fault adds it.
        if (!spoiled && kind == FaultKind.DeepItem) WriteTooDeep(writer);
        writer.WriteEndObject();
    }

    private static void WriteTooDeep(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("meta_data");
        writer.WriteRawValue(TooDeep, skipInputValidation: true);
    }
}
