using System;

namespace LifePos.Emulator;

/// <summary>A documented API error; the pipeline renders it in the answer style's error shape.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message, int? retryAfterSeconds = null) : base(message)
    {
        Status = status;
        Code = code;
        RetryAfterSeconds = retryAfterSeconds ?? (status is 429 or 503 ? 1 : null);
    }

    public int Status { get; }
    public string Code { get; }

    /// <summary>The Retry-After header: 1 s for 429 and 503 unless the error knows better (an activation ban).</summary>
    public int? RetryAfterSeconds { get; }

    public static ApiException Invalid(string message) => new(422, "RequestIsNotValid", message);
    public static ApiException NotFound(string message) => new(404, "NotFound", message);
}

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
}
