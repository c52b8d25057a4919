using System;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LifePos.Core.Json;

namespace LifePos.Core.Http
{
    /// <summary>What could be read from an error answer: a code-like and a message-like text, both optional.</summary>
    internal sealed class ErrorBody
    {
        private const int MaxMessageLength = 500;

        // ProblemDetails puts the code in "title" (or an "errors" key) and a URL in "type": a code-like title is the code.
        private static readonly string[] CodeFields = { "code", "error_code", "errorCode", "error", "type", "title" };
        private static readonly string[] MessageFields = { "message", "error_description", "detail", "description", "title", "error_message", "errorMessage" };
        private static readonly Regex TitlePattern = new Regex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Whitespace = new Regex(@"\s+", RegexOptions.CultureInvariant);
        private static readonly Regex CodeLike = new Regex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$", RegexOptions.CultureInvariant);

        private static readonly string[] TraceFields = { "traceId", "trace_id", "request_id", "requestId", "correlation_id" };

        private ErrorBody(string? code, string? message, string kind, string? traceId = null)
        {
            Code = code;
            Message = message;
            Kind = kind;
            TraceId = traceId;
        }

        /// <summary>A request or trace id the body names (ProblemDetails' <c>traceId</c>), if any.</summary>
        public string? TraceId { get; }

        /// <summary>The server's code, e.g. <c>NotFound</c>; null when none could be read.</summary>
        public string? Code { get; }

        /// <summary>A short, single-line, secret-free text for people; null when the body said nothing.</summary>
        public string? Message { get; }

        /// <summary><c>json</c>, <c>problem+json</c>, <c>truncated json</c>, <c>html</c>, <c>text</c> or <c>empty</c>.</summary>
        public string Kind { get; }

        /// <summary>Reads an error body leniently; never throws.</summary>
        public static ErrorBody Parse(string? contentType, byte[]? body)
        {
            var text = Decode(body);
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ErrorBody(null, null, "empty");
            }

            var trimmed = text.Trim();
            var media = (contentType ?? string.Empty).ToLowerInvariant();
            if (media.Contains("html") || trimmed.StartsWith("<", StringComparison.Ordinal))
            {
                return FromHtml(trimmed);
            }

            if (media.Contains("json") || trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                var kind = media.Contains("problem+json") ? "problem+json" : "json";
                try
                {
                    using var document = JsonDocument.Parse(trimmed);
                    return FromJson(document.RootElement, kind);
                }
                catch (JsonException)
                {
                    return FromBrokenJson(trimmed);
                }
            }

            return new ErrorBody(null, Shorten(trimmed), "text");
        }

        /// <summary>A documented-looking code for a status when the body named none.</summary>
        public static string CodeForStatus(int status) => status switch
        {
            400 => "BadRequest",
            401 => "Unauthorized",
            403 => "NoPermissions",
            404 => "NotFound",
            409 => "Conflict",
            422 => "RequestIsNotValid",
            429 => "TooManyRequests",
            500 => "InternalServerError",
            502 => "BadGateway",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            _ => "Http" + status,
        };

        /// <summary>Collapses whitespace, cuts long texts and redacts secrets.</summary>
        public static string Shorten(string text)
        {
            var single = Whitespace.Replace(SecretRedactor.Redact(text), " ").Trim();
            return single.Length <= MaxMessageLength ? single : single.Substring(0, MaxMessageLength) + "…";
        }

        private static string Decode(byte[]? body)
        {
            if (body is null || body.Length == 0)
            {
                return string.Empty;
            }

            // Only the start matters for a summary; a proxy page can be large.
            var length = Math.Min(body.Length, 64 * 1024);
            return Encoding.UTF8.GetString(body, 0, length);
        }

        private static ErrorBody FromHtml(string html)
        {
            var match = TitlePattern.Match(html);
            var title = match.Success ? Whitespace.Replace(WebUtility.HtmlDecode(match.Groups[1].Value), " ").Trim() : string.Empty;
            var message = title.Length > 0
                ? "an HTML page titled '" + Shorten(title) + "' (probably from a proxy or gateway)"
                : "an HTML page (probably from a proxy or gateway)";
            return new ErrorBody(null, message, "html");
        }

        private static ErrorBody FromJson(JsonElement root, string kind)
        {
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
            {
                root = root[0];
            }

            if (root.ValueKind == JsonValueKind.String)
            {
                return new ErrorBody(null, Shorten(JsonText.Of(root) ?? string.Empty), kind);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(null, Shorten(root.GetRawText()), kind);
            }

            string? code = null;
            string? message = null;
            foreach (var name in CodeFields)
            {
                if (root.TryGetProperty(name, out var value))
                {
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        var nested = FromJson(value, kind);
                        code ??= nested.Code;
                        message ??= nested.Message;
                    }
                    else if (AsText(value) is { } text && CodeLike.IsMatch(text))
                    {
                        code ??= text;
                    }
                    else if (name == "error" && AsText(value) is { } prose && prose.Length > 0)
                    {
                        message ??= Shorten(prose);
                    }
                }
            }

            foreach (var name in MessageFields)
            {
                if (message is null && root.TryGetProperty(name, out var value) && AsText(value) is { } text && text.Length > 0)
                {
                    message = Shorten(text);
                }
            }

            if (root.TryGetProperty("errors", out var errors))
            {
                if (code is null && errors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in errors.EnumerateObject())
                    {
                        if (NameOf(property) is { } name && CodeLike.IsMatch(name))
                        {
                            code = name;
                            break;
                        }
                    }
                }

                message ??= Shorten(errors.GetRawText());
            }

            string? traceId = null;
            foreach (var name in TraceFields)
            {
                if (traceId is null && root.TryGetProperty(name, out var value) && AsText(value) is { Length: > 0 } text && CodeLike.IsMatch(text))
                {
                    traceId = text;
                }
            }

            return new ErrorBody(code, message, kind, traceId);
        }

        private static ErrorBody FromBrokenJson(string text)
        {
            var code = FindField(text, CodeFields);
            var message = FindField(text, MessageFields);
            if (code != null && !CodeLike.IsMatch(code))
            {
                message ??= code;
                code = null;
            }

            return new ErrorBody(code, message is null ? "a cut-off JSON body" : Shorten(message), "truncated json");
        }

        private static string? FindField(string text, string[] names)
        {
            foreach (var name in names)
            {
                var match = Regex.Match(text, "\"" + Regex.Escape(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);
                if (match.Success)
                {
                    return JsonUnescape(match.Groups[1].Value);
                }
            }

            return null;
        }

        /// <summary>
        /// The text of a JSON string found in broken JSON, its escapes read as JSON's; an escape JSON does not know
        /// (<c>\q</c>, a cut <c>\u12</c>) leaves the text as it was written.
        /// </summary>
        private static string JsonUnescape(string escaped)
        {
            if (escaped.IndexOf('\\') < 0)
            {
                return escaped;
            }

            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + escaped + "\""));
                return reader.Read() && StringOf(ref reader) is { } text ? text : escaped;
            }
            catch (JsonException)
            {
                return escaped;
            }
        }

        private static string? AsText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => JsonText.Of(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

        private static string? StringOf(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private static string? NameOf(JsonProperty property)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
