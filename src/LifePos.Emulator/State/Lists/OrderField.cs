namespace LifePos.Emulator.State.Lists;

/// <summary>A list order. <see cref="Key"/> is the item's unique key (a workplace's number, else creation order).</summary>
internal enum OrderField : byte { Key, CreatedAt, UpdatedAt, Name, WorkplaceType, ActivatedAt }
