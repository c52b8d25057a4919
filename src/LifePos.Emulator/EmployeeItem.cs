using System;
using System.Text.Json;

namespace LifePos.Emulator;

/// <summary>The stored fields of an employee; immutable, replaced as a whole on every change.</summary>
internal sealed record EmployeeData(
    Guid Guid,
    int Key,
    string Name,
    string Username,
    string? Phone,
    Role Role,
    string? Inn,
    string? PinCodeHash,
    string? Email,
    Guid OrganizationId,
    string? Meta,
    string? MetaDataJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt) : IListData;

/// <summary>An employee version with its JSON pre-rendered.</summary>
internal sealed class EmployeeItem : ListItem<EmployeeData>
{
    public EmployeeItem(EmployeeData data, ItemHistory history)
        : base(data, history, Emulator.Json.Write(w => Write(w, data, AnswerStyle.Default)),
            Emulator.SearchText.Of(data.MetaDataJson, data.Name, data.Username, data.Phone, data.Phone is null ? null : Account.PhoneDigits(data.Phone),
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
        Emulator.Json.WriteText(writer, "phone", d.Phone);
        writer.WriteStartObject("role");
        writer.WriteString("guid", Roles.Guid(d.OrganizationId, d.Role));
        writer.WriteString("type_of", "Role");
        writer.WriteString("name", d.Role.ToString());
        writer.WriteEndObject();
        Emulator.Json.WriteText(writer, "inn", d.Inn);
        Emulator.Json.WriteText(writer, "pin_code_hash", d.PinCodeHash);
        Emulator.Json.WriteText(writer, "email", d.Email);
        Emulator.Json.WriteReference(writer, "organization", d.OrganizationId, "Organization");
        Emulator.Json.WriteText(writer, "meta", d.Meta);
        Emulator.Json.WriteRaw(writer, "meta_data", d.MetaDataJson);
        WriteEnd(writer, d, style);
    }
}
