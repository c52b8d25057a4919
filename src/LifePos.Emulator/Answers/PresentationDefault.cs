namespace LifePos.Emulator.Answers;

/// <summary>
/// The <c>presentation</c> choice: what a GET without <c>presentation=full</c> answers: full items, or compact ones
/// without extensions, meta, meta_data and organization (the default presentation is not published); or compact items
/// in every listing, <c>presentation=full</c> or not, while a GET of one item honours it (a service whose lists ignore
/// the parameter).
/// </summary>
internal enum PresentationDefault : byte { FullByDefault, CompactByDefault, CompactLists }
