namespace LifePos.Emulator.Pipeline;

/// <summary>One matched API route: its stats key and the raw route values.</summary>
internal sealed record ApiRoute(string Endpoint, bool NeedsToken, bool Changes, string? Organization, string? Id);
