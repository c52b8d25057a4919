using System;

namespace LifePos.Emulator.State.Items;

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
