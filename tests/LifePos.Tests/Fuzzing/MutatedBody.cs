namespace LifePos.Tests.Fuzzing;

/// <summary>A body as the server sends it: the bytes, their Content-Type, and where the connection is cut (if it is).</summary>
internal sealed record MutatedBody(byte[] Bytes, string? ContentType, int? CutAt, string Detail);
