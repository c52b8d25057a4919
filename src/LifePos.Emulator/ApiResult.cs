using System;

namespace LifePos.Emulator;

/// <summary>A documented API error; the pipeline renders it as {"code":..., "message":...}.</summary>
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

    public static ApiResult Error(ApiException error) =>
        new(error.Status, ErrorBody(error.Code, error.Message), JsonType, error.RetryAfterSeconds);

    public static byte[] ErrorBody(string code, string message) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    });
}
