namespace LifePos.Emulator.Faults;

/// <summary>What an injected fault does to an API request (see <see cref="FaultKinds"/> for their names).</summary>
internal enum FaultKind
{
    Status500,
    Status502,
    Status503,
    Status504,
    Status429,
    DropBefore,
    DropAfter,
    Html,
    Empty,
    Truncated,
    BadShape,
    Hang,

    /// <summary>The request is processed, then the headers and half the body are sent and the rest never comes.</summary>
    StallBody,

    /// <summary>The request is processed, then the first item of its list page gets a meta_data nested deeper than any client reads.</summary>
    DeepItem,

    /// <summary>The request is processed, then the first item of its list page gets a guid that is not a GUID.</summary>
    BadItem,

    /// <summary>A forced API error "STATUS:Code" (the forced queue only).</summary>
    Error,
}
