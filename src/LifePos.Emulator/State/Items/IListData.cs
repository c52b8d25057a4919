using System;

namespace LifePos.Emulator.State.Items;

/// <summary>The stored fields every listed resource has.</summary>
internal interface IListData
{
    Guid Guid { get; }

    /// <summary>Unique within the list; breaks ties in every order.</summary>
    int Key { get; }

    /// <summary>What name_asc and name_desc sort by (case-insensitively, nulls first).</summary>
    string? Name { get; }

    DateTimeOffset CreatedAt { get; }
    DateTimeOffset UpdatedAt { get; }
    DateTimeOffset? DeletedAt { get; }
}
