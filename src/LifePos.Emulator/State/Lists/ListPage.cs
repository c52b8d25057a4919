namespace LifePos.Emulator.State.Lists;

internal sealed record ListPage<TItem>(TItem[] Items, bool HasMore, int Total, long Snapshot);
