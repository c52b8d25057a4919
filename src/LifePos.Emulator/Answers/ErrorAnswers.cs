using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LifePos.Emulator.Answers;

/// <summary>
/// Renders an API error in the answer style's error shape: {"code","message"} (the default), {"code","description"},
/// RFC 9457 application/problem+json with the code as its title, plain text, or an HTML page.
/// </summary>
internal static class ErrorAnswers
{
    private const string ProblemType = "application/problem+json";

    public static ApiResult Render(ApiException error, AnswerStyle style, string traceId)
    {
        var body = style.Errors switch
        {
            ErrorShape.CodeDescription => CodeBody(error, "description"),
            ErrorShape.Problem => Problem(error, traceId),
            ErrorShape.Text => Encoding.UTF8.GetBytes(error.Message),
            ErrorShape.Html => Html(error),
            _ => CodeBody(error, "message"),
        };
        var type = style.Errors switch
        {
            ErrorShape.Problem => ProblemType,
            ErrorShape.Text => "text/plain; charset=utf-8",
            ErrorShape.Html => "text/html; charset=utf-8",
            _ => ApiResult.JsonType,
        };
        return new ApiResult(error.Status, body, type, error.RetryAfterSeconds);
    }

    private static byte[] CodeBody(ApiException error, string messageField) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", error.Code);
        w.WriteString(messageField, error.Message);
        w.WriteEndObject();
    });

    /// <summary>ASP.NET Core's shape: type (the RFC section of the status), title (here: the code), status, detail, errors, traceId.</summary>
    private static byte[] Problem(ApiException error, string traceId) => Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", TypeOf(error.Status));
        w.WriteString("title", error.Code);
        w.WriteNumber("status", error.Status);
        w.WriteString("detail", error.Message);
        w.WriteStartObject("errors");
        w.WriteStartArray(error.Code);
        w.WriteStringValue(error.Message);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("traceId", traceId);
        w.WriteEndObject();
    });

    /// <summary>What a proxy's error page looks like: the status in the title and heading, the message; no code.</summary>
    private static byte[] Html(ApiException error)
    {
        var status = $"{error.Status} {ReasonPhrases.GetReasonPhrase(error.Status)}".TrimEnd();
        return Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html><head><title>{status}</title></head><body><h1>{status}</h1><p>{WebUtility.HtmlEncode(error.Message)}</p></body></html>");
    }

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "about:blank",
    };
}
