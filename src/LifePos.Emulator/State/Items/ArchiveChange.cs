namespace LifePos.Emulator.State.Items;

/// <summary>When the archived state changed, by change sequence; paging reads the state as of its snapshot.</summary>
internal readonly record struct ArchiveChange(long Sequence, bool Archived);
