namespace LifePos.Emulator.Pipeline;

/// <summary>A request's row of the route table and the raw values its path gave for {org} and {id}.</summary>
internal sealed record RouteMatch(ApiRoute Row, string? Organization, string? Id);
