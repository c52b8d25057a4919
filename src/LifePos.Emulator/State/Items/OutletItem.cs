using System.Text.Json;

namespace LifePos.Emulator.State.Items;

/// <summary>An outlet version with its JSON pre-rendered.</summary>
internal sealed class OutletItem : ListItem<OutletData>
{
    public OutletItem(OutletData data, ItemHistory history)
        : base(data, history, Answers.Json.Write(w => Write(w, data, AnswerStyle.Default)), Items.SearchText.Of(null, data.Name, data.Address, data.Brand))
    {
    }

    public override void WriteTo(Utf8JsonWriter writer, AnswerStyle style) => Write(writer, Data, style);

    private static void Write(Utf8JsonWriter writer, OutletData d, AnswerStyle style)
    {
        WriteStart(writer, d, "Outlet");
        writer.WriteString("name", d.Name);
        writer.WriteString("address", d.Address);
        Answers.Json.WriteReference(writer, "legal_entity", d.LegalEntity, "LegalEntity");
        Answers.Json.WriteText(writer, "brand", d.Brand);
        Answers.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        Answers.Json.WriteRaw(writer, "extensions", d.ExtensionsJson);
        WriteEnd(writer, d, style);
    }
}
