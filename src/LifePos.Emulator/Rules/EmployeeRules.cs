using System;
using System.Text.Json;

namespace LifePos.Emulator.Rules;

/// <summary>Validation of a new employee, as far as the v6 reference states it.</summary>
internal static class EmployeeRules
{
    /// <summary>The employee a create body describes (key 0: the store assigns it); 422 RequestIsNotValid or ReferenceNotFound.</summary>
    public static EmployeeData Parse(JsonElement body, Guid organization, DateTimeOffset now)
    {
        RequestBody.RequireObject(body);
        var name = Text(body, "name", 5, 64, required: true)!;
        var username = Text(body, "username", 2, 24, required: true)!;
        if (username.Trim().Length != username.Length || username.Contains(' ', StringComparison.Ordinal))
            throw ApiException.Invalid("username may not contain spaces.");
        var phone = RequestBody.String(body, "phone");
        if (phone is null || RussianPhone.National(phone) is null)
            throw ApiException.Invalid("phone is required: a Russian phone number of 10 to 18 characters, for example +7 900 123-45-67.");
        var roleGuid = RequestBody.Reference(body, "role")
            ?? throw ApiException.Invalid("role is required: {\"guid\": \"...\", \"type_of\": \"Role\"}.");
        var inn = RequestBody.String(body, "inn");
        if (inn is not null && (inn.Length != 12 || inn.AsSpan().ContainsAnyExceptInRange('0', '9')))
            throw ApiException.Invalid("inn must be 12 digits or null.");
        var pinCodeHash = RequestBody.String(body, "pin_code_hash");
        if (pinCodeHash is not null && pinCodeHash.Length != 32)
            throw ApiException.Invalid($"pin_code_hash must be 32 characters or null; got {pinCodeHash.Length}.");
        var email = Text(body, "email", 6, 64, required: false);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal)) throw ApiException.Invalid("email must be an e-mail address or null.");
        var meta = Text(body, "meta", 0, 128, required: false);
        var metaData = RequestBody.Object(body, "meta_data", "meta_data must be an object or null.");
        var role = Roles.Find(organization, roleGuid)
            ?? throw new ApiException(422, "ReferenceNotFound", $"Role {roleGuid} was not found in organization {organization}.");
        return new EmployeeData(Guid.NewGuid(), 0, name, username, phone, role, inn, pinCodeHash, email, organization, meta, metaData, now, now, null);
    }

    /// <summary>422 PhoneIsAlreadyTaken or UsernameIsAlreadyTaken when another employee of the organization has them.</summary>
    public static void CheckUnique(ItemStore<EmployeeItem, EmployeeData> employees, EmployeeData candidate)
    {
        var phone = RussianPhone.National(candidate.Phone!);
        foreach (var employee in employees.ByKey)
        {
            if (employee.Data.Phone is { } taken && RussianPhone.National(taken) == phone)
                throw new ApiException(422, "PhoneIsAlreadyTaken", $"Phone {candidate.Phone} is already taken by employee {employee.Guid}.");
        }
        foreach (var employee in employees.ByKey)
        {
            if (employee.Data.Username.Equals(candidate.Username, StringComparison.OrdinalIgnoreCase))
                throw new ApiException(422, "UsernameIsAlreadyTaken", $"Username {candidate.Username} is already taken by employee {employee.Guid}.");
        }
    }

    private static string? Text(JsonElement body, string name, int min, int max, bool required)
    {
        var value = RequestBody.String(body, name);
        if (value is null)
            return required ? throw ApiException.Invalid($"{name} is required: {min} to {max} characters.") : null;
        if (value.Length < min || value.Length > max)
            throw ApiException.Invalid($"{name} must be {min} to {max} characters; got {value.Length}.");
        return value;
    }
}
