using System;

namespace LifePos.Emulator.Answers;

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
