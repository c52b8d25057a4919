using System;

namespace LifePos.Emulator.State.Lists;

/// <summary>What a page token carries: the whole query, where the next page starts, and the paging snapshot.</summary>
internal sealed record PageCursor(
    Guid Organization,
    ListKind Kind,
    ListParameters Query,
    bool IncludeTotal,
    int PageNumber,
    long Snapshot,
    int Total,
    SortKey After,
    long IssuedAtUnixSeconds);
