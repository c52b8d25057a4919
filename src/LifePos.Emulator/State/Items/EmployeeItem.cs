using System.Text.Json;

namespace LifePos.Emulator.State.Items;

/// <summary>An employee version with its JSON pre-rendered.</summary>
internal sealed class EmployeeItem : ListItem<EmployeeData>
{
    public EmployeeItem(EmployeeData data, ItemHistory history)
        : base(data, history, Answers.Json.Write(w => Write(w, data, AnswerStyle.Default)),
            Items.SearchText.Of(data.MetaDataJson, data.Name, data.Username, data.Phone, data.Phone is null ? null : Account.PhoneDigits(data.Phone),
                data.Inn, data.Email, data.Meta))
    {
    }

    /// <summary>
    /// The role reference also carries the role's name: the published schema shows only {guid, type_of}; the name is
    /// the emulator's guess at what a client wants to see.
    /// </summary>
    public override void WriteTo(Utf8JsonWriter writer, AnswerStyle style) => Write(writer, Data, style);

    private static void Write(Utf8JsonWriter writer, EmployeeData d, AnswerStyle style)
    {
        WriteStart(writer, d, "Employee");
        writer.WriteString("name", d.Name);
        writer.WriteString("username", d.Username);
        Answers.Json.WriteText(writer, "phone", d.Phone);
        writer.WriteStartObject("role");
        writer.WriteString("guid", Roles.Guid(d.OrganizationId, d.Role));
        writer.WriteString("type_of", "Role");
        writer.WriteString("name", d.Role.ToString());
        writer.WriteEndObject();
        Answers.Json.WriteText(writer, "inn", d.Inn);
        Answers.Json.WriteText(writer, "pin_code_hash", d.PinCodeHash);
        Answers.Json.WriteText(writer, "email", d.Email);
        Answers.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        Answers.Json.WriteText(writer, "meta", d.Meta);
        Answers.Json.WriteRaw(writer, "meta_data", d.MetaDataJson);
        WriteEnd(writer, d, style);
    }
}
