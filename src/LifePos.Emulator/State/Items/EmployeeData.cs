using System;

namespace LifePos.Emulator.State.Items;

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
