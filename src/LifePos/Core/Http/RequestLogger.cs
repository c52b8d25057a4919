using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Tells the observer what the pipeline does: one line per attempt for -Verbose, headers and bodies for -Debug
    /// (every secret masked by <see cref="SecretRedactor"/>), and each retry.
    /// </summary>
    internal sealed class RequestLogger
    {
        private const int MaxLoggedBody = 4000;

        // Built once: enumerating DefaultRequestHeaders while requests read them is not safe on every runtime.
        private readonly string _defaultHeadersText;

        public RequestLogger(HttpClient http)
        {
            var headers = new StringBuilder();
            foreach (var header in http.DefaultRequestHeaders)
            {
                headers.Append(header.Key).Append(": ").AppendLine(string.Join(", ", header.Value));
            }

            _defaultHeadersText = headers.ToString();
        }

        public static bool IsDebugEnabled(RequestContext context) => context.Observer is { IsDebugEnabled: true };

        public void Sending(HttpRequestMessage message, ApiRequest request, RequestContext context)
        {
            if (!IsDebugEnabled(context))
            {
                return;
            }

            var text = new StringBuilder();
            text.Append("HTTP request ").Append(message.Method.Method).Append(' ').Append(SecretRedactor.Redact(message.RequestUri!.AbsoluteUri)).AppendLine();
            text.Append(_defaultHeadersText);
            foreach (var header in message.Headers)
            {
                text.Append(header.Key).Append(": ").AppendLine(HeaderForLog(header.Key, header.Value));
            }

            if (message.Content != null)
            {
                text.Append("Content-Type: ").AppendLine(message.Content.Headers.ContentType?.ToString());
                text.AppendLine();
                text.Append(request.LoggedBody ?? BodyForLog(request.Body));
            }

            context.Observer!.OnDebug(text.ToString());
        }

        /// <summary>An attempt ended; <paramref name="status"/> is null when no answer came.</summary>
        public static void Completed(ApiRequest request, int? status, long elapsedMilliseconds, int attempt, RequestContext context) =>
            context.Observer?.OnRequestCompleted(new RequestLog(request.Method.Method, request.LoggedPath, status, elapsedMilliseconds, attempt));

        public static void Received(HttpResponseMessage response, byte[] body, ApiRequest request, long elapsedMilliseconds, RequestContext context)
        {
            if (!IsDebugEnabled(context))
            {
                return;
            }

            var text = new StringBuilder();
            text.Append("HTTP response ").Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(response.ReasonPhrase).Append(" in ").Append(elapsedMilliseconds.ToString(CultureInfo.InvariantCulture)).AppendLine(" ms");
            foreach (var header in response.Headers)
            {
                text.Append(header.Key).Append(": ").AppendLine(HeaderForLog(header.Key, header.Value));
            }

            if (response.Content != null)
            {
                foreach (var header in response.Content.Headers)
                {
                    text.Append(header.Key).Append(": ").AppendLine(string.Join(", ", header.Value));
                }
            }

            if (body.Length > 0)
            {
                text.AppendLine();
                text.Append(request.ResponseHasSecrets && response.IsSuccessStatusCode
                    ? "(" + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes holding a token or a code, not shown)"
                    : BodyForLog(body));
            }

            context.Observer!.OnDebug(text.ToString());
        }

        public static void Retrying(ApiRequest request, string reason, int attempt, TimeSpan delay, RequestContext context) =>
            context.Observer?.OnRetry(new RetryInfo(request.Method.Method, request.LoggedPath, reason, attempt, delay));

        private static string HeaderForLog(string name, IEnumerable<string> values)
        {
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                // The scheme says how the token was sent (Bearer, or the raw token alone); the rest never shows.
                var value = string.Join(" ", values);
                var space = value.IndexOf(' ');
                return space > 0 && value.Substring(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase)
                    ? "Bearer " + SecretRedactor.Mask
                    : SecretRedactor.Mask;
            }

            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ||
                name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return SecretRedactor.Mask;
            }

            return SecretRedactor.Redact(string.Join(", ", values));
        }

        private static string BodyForLog(byte[]? body)
        {
            if (body is null || body.Length == 0)
            {
                return string.Empty;
            }

            var length = Math.Min(body.Length, MaxLoggedBody);
            var text = SecretRedactor.Redact(Encoding.UTF8.GetString(body, 0, length));
            return body.Length > MaxLoggedBody
                ? text + "… (" + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes in all)"
                : text;
        }
    }
}
