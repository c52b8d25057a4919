using System;

namespace LifePos.Emulator.State.Items;

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
