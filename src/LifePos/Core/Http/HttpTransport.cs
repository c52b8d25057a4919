using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// One attempt of a request and nothing more: builds the message (with the token from <see cref="TokenSession"/>),
    /// sends it over the HttpClient it is given with the per-attempt timeout, reads the whole answer, and reports it
    /// to the <see cref="RequestLogger"/>. Retrying is the <see cref="RetryPolicy"/>'s business.
    /// </summary>
    internal sealed class HttpTransport : IDisposable
    {
        // Longest wait CancelAfter accepts; a longer timeout means no timeout.
        private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

        // A body announced larger than this is read in chunks rather than into one array allocated up front.
        private const long LargestExactBody = 16 * 1024 * 1024;

        private readonly HttpClient _http;
        private readonly ApiAddress _address;
        private readonly RequestLogger _logger;

        public HttpTransport(HttpClient http, ApiAddress address)
        {
            _http = http;
            _address = address;
            _logger = new RequestLogger(http);
        }

        /// <param name="timeout">How long this attempt may wait for the whole answer.</param>
        public async Task<AttemptResult> SendOnceAsync(ApiRequest request, TokenSession? tokens, int attempt, TimeSpan timeout, RequestContext context)
        {
            using var message = BuildMessage(request, tokens);
            _logger.Sending(message, request, context);
            var stopwatch = Stopwatch.StartNew();
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            if (timeout < LongestTimeout)
            {
                attemptCancellation.CancelAfter(timeout);
            }

            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token)
                    .ConfigureAwait(false);
                var body = await ReadBodyAsync(response, attemptCancellation.Token).ConfigureAwait(false);
                stopwatch.Stop();
                var status = (int)response.StatusCode;
                RequestLogger.Completed(request, status, stopwatch.ElapsedMilliseconds, attempt, context);
                RequestLogger.Received(response, body, request, stopwatch.ElapsedMilliseconds, context);
                var contentType = response.Content?.Headers.ContentType?.MediaType;
                var requestId = RequestId(response.Headers);
                context.RequestId = requestId ?? context.RequestId;
                return status >= 200 && status < 300
                    ? AttemptResult.Success(new ApiResponse(status, body, contentType, attempt))
                    : AttemptResult.Status(status, ErrorBody.Parse(contentType, body), RetryAfter(response.Headers, DateTimeOffset.UtcNow), requestId);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException exception)
            {
                RequestLogger.Completed(request, null, stopwatch.ElapsedMilliseconds, attempt, context);
                return AttemptResult.TimedOutAfter(timeout, exception);
            }
            catch (ObjectDisposedException)
            {
                // The connection was closed while this request was on its way.
                throw ApiConnection.Closed();
            }
            catch (Exception error) when (error is HttpRequestException || error is IOException || error is SocketException)
            {
                RequestLogger.Completed(request, null, stopwatch.ElapsedMilliseconds, attempt, context);
                return AttemptResult.Network(error);
            }
        }

        public void Dispose() => _http.Dispose();

        /// <summary>
        /// The whole body, or an <see cref="OperationCanceledException"/> as soon as the token fires. The token alone is
        /// not enough: .NET Framework's response stream ignores it once a read has started, so a body that stalls would
        /// hold the attempt until the server closes the connection. When the token fires, the response is disposed, which
        /// ends a pending read on every runtime, and the wait ends at once: one code path for Windows PowerShell and 7.
        /// </summary>
        internal static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var reading = ReadBodyAsync(response.Content, cancellationToken);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(reading, cancelled.Task).ConfigureAwait(false) == reading)
                {
                    return await reading.ConfigureAwait(false);
                }
            }

            response.Dispose();
            // The abandoned read fails once the response is gone; nobody waits for it, so its error is observed here.
            _ = reading.ContinueWith(read => read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new OperationCanceledException(cancellationToken);
        }

        /// <summary>
        /// The whole body, under the attempt's timeout. With a Content-Length, into one array of that length straight
        /// from the connection: ReadAsByteArrayAsync buffers the body and then copies it, two arrays per page.
        /// </summary>
        internal static async Task<byte[]> ReadBodyAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            if (content is null)
            {
                return Array.Empty<byte>();
            }

            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            if (content.Headers.ContentLength is { } length && length <= LargestExactBody && content.Headers.ContentEncoding.Count == 0)
            {
                var body = length == 0 ? Array.Empty<byte>() : new byte[length];
                var read = 0;
                while (read < body.Length)
                {
                    var count = await stream.ReadAsync(body, read, body.Length - read, cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        throw new IOException(
                            "The answer ended after " + read.ToString(CultureInfo.InvariantCulture) + " of the " +
                            length.ToString(CultureInfo.InvariantCulture) + " bytes its Content-Length announced.");
                    }

                    read += count;
                }

                return body;
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }

        /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date); null without one.</summary>
        internal static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
        {
            var header = headers.RetryAfter;
            if (header is null)
            {
                return null;
            }

            if (header.Delta is { } delta)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>The id a request-id header or a W3C traceparent gives the answer (its trace id), for support.</summary>
        internal static string? RequestId(HttpResponseHeaders headers)
        {
            foreach (var name in new[] { "X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Trace-Id" })
            {
                if (headers.TryGetValues(name, out var values) && FirstValue(values) is { } value)
                {
                    return value;
                }
            }

            // traceparent: version-traceid-parentid-flags
            if (headers.TryGetValues("traceparent", out var trace) && FirstValue(trace) is { } parent && parent.Split('-') is { Length: 4 } parts)
            {
                return parts[1];
            }

            return null;
        }

        private static string? FirstValue(System.Collections.Generic.IEnumerable<string> values)
        {
            foreach (var value in values)
            {
                var trimmed = value.Trim();
                if (trimmed.Length > 0 && trimmed.Length <= 128)
                {
                    return trimmed;
                }
            }

            return null;
        }

        private HttpRequestMessage BuildMessage(ApiRequest request, TokenSession? tokens)
        {
            var message = new HttpRequestMessage(request.Method, _address.UriOf(request.SentPath));

            // Explicitly off: .NET Framework otherwise asks every POST and PATCH to wait for a 100 Continue first (an
            // extra round trip); .NET sends no Expect header either way.
            message.Headers.ExpectContinue = false;
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? JsonMedia.Json);
            }

            if (request.Authenticated)
            {
                tokens?.Authorize(message);
            }

            return message;
        }
    }
}
