namespace LifePos.Emulator.State.Lists;

/// <summary>The keyset position of one item in one order: its primary value and its (unique) key.</summary>
internal readonly record struct SortKey(int Key, string? Text, long? Ticks);
