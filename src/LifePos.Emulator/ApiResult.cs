using System;

namespace LifePos.Emulator;

/// <summary>A documented API error; the pipeline renders it as {"code":..., "message":...}.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }

    public static ApiException Invalid(string message) => new(422, "RequestIsNotValid", message);
    public static ApiException NotFound(string message) => new(404, "NotFound", message);
}

/// <summary>A complete answer, rendered before anything is written, so drop-after can still abort.</summary>
internal readonly record struct ApiResult(int Status, ReadOnlyMemory<byte> Body, string ContentType, bool RetryAfter)
{
    public const string JsonType = "application/json";

    public static ApiResult Ok(ReadOnlyMemory<byte> body) => new(200, body, JsonType, false);

    public static ApiResult Error(int status, string code, string message) =>
        new(status, ErrorBody(code, message), JsonType, status is 429 or 503);

    public static ApiResult Error(ApiException error) => Error(error.Status, error.Code, error.Message);

    public static byte[] ErrorBody(string code, string message) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    });
}
