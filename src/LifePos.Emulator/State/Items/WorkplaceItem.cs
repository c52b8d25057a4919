using System;
using System.Globalization;
using System.Text.Json;
using SortKey = LifePos.Emulator.State.Lists.SortKey;

namespace LifePos.Emulator.State.Items;

/// <summary>A workplace version with its JSON pre-rendered, so list pages copy bytes instead of serializing.</summary>
internal sealed class WorkplaceItem : ListItem<WorkplaceData>
{
    public WorkplaceItem(WorkplaceData data, ItemHistory history)
        : base(data, history, Answers.Json.Write(w => Write(w, data, AnswerStyle.Default)),
            Items.SearchText.Of(data.MetaDataJson, data.Number.ToString(CultureInfo.InvariantCulture), data.Name, data.Meta))
    {
    }

    protected override SortKey OwnKey(OrderField field) => field switch
    {
        OrderField.ActivatedAt => new SortKey(Key, null, Data.ActivatedAt?.UtcTicks),
        OrderField.WorkplaceType => new SortKey(Key, Data.WorkplaceType, null),
        _ => base.OwnKey(field),
    };

    public override void WriteTo(Utf8JsonWriter writer, AnswerStyle style) => Write(writer, Data, style);

    private static void Write(Utf8JsonWriter writer, WorkplaceData d, AnswerStyle style)
    {
        WriteStart(writer, d, "Workplace");
        Answers.Json.WriteCount(writer, "number", d.Number, style);
        Answers.Json.WriteText(writer, "name", d.Name);
        writer.WriteString("workplace_type", style.Enums == EnumCase.Lower ? d.WorkplaceType.ToLowerInvariant() : d.WorkplaceType);
        Answers.Json.WriteDate(writer, "activated_at", d.ActivatedAt, style);
        Answers.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        Answers.Json.WriteRaw(writer, "extensions", d.ExtensionsJson);
        Answers.Json.WriteText(writer, "meta", d.Meta);
        Answers.Json.WriteRaw(writer, "meta_data", d.MetaDataJson);
        WriteEnd(writer, d, style);
    }

    /// <summary>Reads a workplace written by <see cref="Write"/> (the data file); throws on a broken entry.</summary>
    public static WorkplaceData Read(JsonElement element, Guid organizationId, DateTimeOffset now)
    {
        static DateTimeOffset? Date(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var extensions = element.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object ? Answers.Json.Compact(ext) : "{}";
        var metaData = element.TryGetProperty("meta_data", out var md) && md.ValueKind != JsonValueKind.Null ? Answers.Json.Compact(md) : null;
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
