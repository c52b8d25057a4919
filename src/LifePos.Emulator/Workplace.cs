using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LifePos.Emulator;

internal static class WorkplaceTypes
{
    public static readonly string[] All = ["Unknown", "Mobile", "Stationary", "Automat"];

    public static string? Normalize(string? text)
    {
        foreach (var type in All)
            if (string.Equals(type, text, StringComparison.OrdinalIgnoreCase)) return type;
        return null;
    }
}

/// <summary>The stored fields of a workplace; immutable, replaced as a whole on every change.</summary>
internal sealed record WorkplaceData(
    Guid Guid,
    int Number,
    string? Name,
    string WorkplaceType,
    DateTimeOffset? ActivatedAt,
    Guid OrganizationId,
    string ExtensionsJson,
    string? Meta,
    string? MetaDataJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt) : IListData
{
    int IListData.Key => Number;
}

/// <summary>A workplace version with its JSON pre-rendered, so list pages copy bytes instead of serializing.</summary>
internal sealed class Workplace : ListItem<WorkplaceData>
{
    public Workplace(WorkplaceData data, ItemHistory history)
        : base(data, history, Emulator.Json.Write(w => WriteTo(w, data)), BuildSearchText(data))
    {
    }

    public int Number => Data.Number;

    protected override SortKey OwnKey(OrderField field) => field switch
    {
        OrderField.ActivatedAt => new SortKey(Key, null, Data.ActivatedAt?.UtcTicks),
        OrderField.Name => new SortKey(Key, Data.Name, null),
        OrderField.WorkplaceType => new SortKey(Key, Data.WorkplaceType, null),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Workplaces have no such order."),
    };

    private static void WriteTo(Utf8JsonWriter writer, WorkplaceData d)
    {
        writer.WriteStartObject();
        writer.WriteString("guid", d.Guid);
        writer.WriteString("type_of", "Workplace");
        writer.WriteNumber("number", d.Number);
        if (d.Name is null) writer.WriteNull("name"); else writer.WriteString("name", d.Name);
        writer.WriteString("workplace_type", d.WorkplaceType);
        Emulator.Json.WriteDate(writer, "activated_at", d.ActivatedAt);
        Emulator.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        writer.WritePropertyName("extensions");
        writer.WriteRawValue(d.ExtensionsJson, skipInputValidation: true);
        if (d.Meta is null) writer.WriteNull("meta"); else writer.WriteString("meta", d.Meta);
        writer.WritePropertyName("meta_data");
        if (d.MetaDataJson is null) writer.WriteNullValue(); else writer.WriteRawValue(d.MetaDataJson, skipInputValidation: true);
        Emulator.Json.WriteDate(writer, "created_at", d.CreatedAt);
        Emulator.Json.WriteDate(writer, "updated_at", d.UpdatedAt);
        Emulator.Json.WriteDate(writer, "deleted_at", d.DeletedAt);
        writer.WriteEndObject();
    }

    private static string BuildSearchText(WorkplaceData d)
    {
        var text = new StringBuilder();
        text.Append(d.Number.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(d.Name).Append('\n').Append(d.Meta).Append('\n');
        if (d.MetaDataJson is not null)
        {
            using var document = JsonDocument.Parse(d.MetaDataJson);
            AppendText(text, document.RootElement);
        }
        return text.ToString().ToLowerInvariant();
    }

    private static void AppendText(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append('\n');
                    AppendText(text, property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) AppendText(text, item);
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }

    /// <summary>Reads a workplace written by <see cref="WriteTo"/> (the data file); throws on a broken entry.</summary>
    public static WorkplaceData Read(JsonElement element, Guid organizationId, DateTimeOffset now)
    {
        static DateTimeOffset? Date(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var extensions = element.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object ? Emulator.Json.Compact(ext) : "{}";
        var metaData = element.TryGetProperty("meta_data", out var md) && md.ValueKind != JsonValueKind.Null ? Emulator.Json.Compact(md) : null;
        var created = Date(element, "created_at") ?? now;
        return new WorkplaceData(
            element.GetProperty("guid").GetGuid(),
            element.GetProperty("number").GetInt32(),
            Text(element, "name"),
            WorkplaceTypes.Normalize(Text(element, "workplace_type")) ?? "Unknown",
            Date(element, "activated_at"),
            organizationId,
            extensions,
            Text(element, "meta"),
            metaData,
            created,
            Date(element, "updated_at") ?? created,
            Date(element, "deleted_at"));
    }
}
