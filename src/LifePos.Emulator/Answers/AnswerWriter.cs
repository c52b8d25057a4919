using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Answers;

/// <summary>
/// Writes one request's answer: its status, headers (Retry-After, Server-Timing, the request id) and body. An API
/// answer also renders errors in the answer style and carries X-Request-Id or traceparent as the style says.
/// </summary>
internal readonly struct AnswerWriter
{
    private readonly string? _idHeader;

    private AnswerWriter(AnswerStyle style, string? idHeader, string requestId)
    {
        Style = style;
        _idHeader = idHeader;
        RequestId = requestId;
    }

    public AnswerStyle Style { get; }

    /// <summary>The request's id: the X-Request-Id or traceparent value, and the problem body's traceId.</summary>
    public string RequestId { get; }

    /// <summary>The control endpoints' writer: default errors, no request id.</summary>
    public static AnswerWriter Control => new(AnswerStyle.Default, null, "");

    /// <summary>A fresh id for an API request: a UUID, or a W3C traceparent (00-trace id-parent id-01).</summary>
    public static AnswerWriter ForApi(AnswerStyle style) => style.RequestId switch
    {
        RequestIdHeader.Traceparent => new(style, "traceparent", $"00-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}-{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))}-01"),
        RequestIdHeader.None => new(style, null, Guid.NewGuid().ToString("D")),
        _ => new(style, "X-Request-Id", Guid.NewGuid().ToString("D")),
    };

    public ApiResult Error(ApiException error) => ErrorAnswers.Render(error, Style, RequestId);

    public Task WriteAsync(HttpContext http, ApiResult result, double? serverMs)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        if (result.ContentType is not null) response.ContentType = result.ContentType;
        response.ContentLength = result.Body.Length;
        if (result.RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (serverMs is { } ms) response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.###", CultureInfo.InvariantCulture);
        if (_idHeader is not null) response.Headers[_idHeader] = RequestId;
        return result.Body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(result.Body).AsTask();
    }
}
