using System;

namespace LifePos.Emulator.Answers;

/// <summary>A complete answer, rendered before anything is written, so drop-after can still abort.</summary>
internal readonly record struct ApiResult(int Status, ReadOnlyMemory<byte> Body, string? ContentType, int? RetryAfterSeconds)
{
    public const string JsonType = "application/json";

    public static ApiResult Ok(ReadOnlyMemory<byte> body) => new(200, body, JsonType, null);

    public static ApiResult Error(int status, string code, string message) => Error(new ApiException(status, code, message));

    /// <summary>An error in the default shape {"code","message"} (control endpoints; the API renders the answer style's).</summary>
    public static ApiResult Error(ApiException error) => ErrorAnswers.Render(error, AnswerStyle.Default, "");

    /// <summary>An item in the answer style.</summary>
    public static ApiResult Item(RenderedItem item, AnswerStyle style) => Ok(item.Render(style));

    /// <summary>An item in the request's answer style, as much of it as the request sees.</summary>
    public static ApiResult Item(RenderedItem item, Pipeline.IncomingRequest request) => Ok(request.View.Apply(item.Render(request.Style)));
}
