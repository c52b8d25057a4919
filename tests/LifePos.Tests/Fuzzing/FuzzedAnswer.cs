namespace LifePos.Tests.Fuzzing;

/// <summary>One answer as the server sends it.</summary>
internal sealed record FuzzedAnswer(int Status, string? ContentType, string? RetryAfter, byte[] Body, int? CutAt);
