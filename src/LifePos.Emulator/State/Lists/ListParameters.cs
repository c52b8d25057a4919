namespace LifePos.Emulator.State.Lists;

/// <summary>Everything that decides which items a list shows and in what order; a page token carries all of it.</summary>
internal sealed record ListParameters(Selection Selection, OrderField Field, bool Descending, int PageSize, string? Query, DateRange Dates = default);
