using System;
using System.Text.Json;

namespace LifePos.Emulator;

/// <summary>The stored fields of an outlet (a point of sale with an address).</summary>
internal sealed record OutletData(
    Guid Guid,
    int Key,
    string Name,
    string Address,
    Guid LegalEntity,
    string? Brand,
    Guid OrganizationId,
    string ExtensionsJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt) : IListData;

/// <summary>An outlet version with its JSON pre-rendered.</summary>
internal sealed class OutletItem : ListItem<OutletData>
{
    public OutletItem(OutletData data, ItemHistory history)
        : base(data, history, Emulator.Json.Write(w => Write(w, data, AnswerStyle.Default)), Emulator.SearchText.Of(null, data.Name, data.Address, data.Brand))
    {
    }

    public override void WriteTo(Utf8JsonWriter writer, AnswerStyle style) => Write(writer, Data, style);

    private static void Write(Utf8JsonWriter writer, OutletData d, AnswerStyle style)
    {
        WriteStart(writer, d, "Outlet");
        writer.WriteString("name", d.Name);
        writer.WriteString("address", d.Address);
        Emulator.Json.WriteReference(writer, "legal_entity", d.LegalEntity, "LegalEntity");
        Emulator.Json.WriteText(writer, "brand", d.Brand);
        Emulator.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        Emulator.Json.WriteRaw(writer, "extensions", d.ExtensionsJson);
        WriteEnd(writer, d, style);
    }
}
