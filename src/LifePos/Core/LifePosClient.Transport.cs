using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core
{
    public sealed partial class LifePosClient
    {
        private const int MaxLoggedBody = 4000;

        private readonly object _randomGate = new object();
        private readonly Random _random = new Random();
        private readonly SemaphoreSlim _signInGate = new SemaphoreSlim(1, 1);
        // Longest wait CancelAfter accepts; a longer timeout means no timeout.
        private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

        private HttpClient _http = null!;

        // Built once: enumerating DefaultRequestHeaders while requests read them is not safe on every runtime.
        private string _defaultHeadersText = string.Empty;
        private SecureString? _token;
        private int _tokenGeneration;
        private long _retryCount;
        private FailedSignIn? _failedSignIn;

        /// <summary>How a call may be repeated after a failure.</summary>
        internal enum RetryMode
        {
            /// <summary>Safe to repeat after any transient failure (GET, PATCH, DELETE, :unarchive, :deactivate).</summary>
            Repeatable,

            /// <summary>Repeated only when the server certainly did not act (429, 503, not sent); otherwise resolved or reported as maybe done.</summary>
            OnlyIfNotActed,
        }

        /// <summary>Whether a failed attempt may have been carried out by the server.</summary>
        private enum Outcome
        {
            NotActed,
            Ambiguous,
            Final,
        }

        private async Task<ApiResponse> SendAsync(ApiCall call, RequestContext context)
        {
            var cancellationToken = context.CancellationToken;
            var reSignedIn = false;
            var attempt = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                if (call.Authenticated)
                {
                    await EnsureTokenAsync(context).ConfigureAwait(false);
                }

                var generation = Volatile.Read(ref _tokenGeneration);
                var failure = await TryOnceAsync(call, attempt, context).ConfigureAwait(false);
                if (failure.Response != null)
                {
                    return failure.Response;
                }

                if (failure.StatusCode == 401 && call.Authenticated && RefusesTheToken(failure.Error))
                {
                    if (_settings.SignIn != null && !reSignedIn)
                    {
                        reSignedIn = true;
                        attempt--;
                        Interlocked.Increment(ref _retryCount);
                        context.CountRetry();
                        context.Observer?.OnRetry(new RetryInfo(call.Method.Method, call.LoggedPath, failure.Reason + ", signing in again", attempt, TimeSpan.Zero));
                        await RefreshTokenAsync(generation, context).ConfigureAwait(false);
                        continue;
                    }

                    throw TokenRefused(call, failure, attempt, reSignedIn);
                }

                var retryable = failure.Outcome == Outcome.NotActed ||
                                (failure.Outcome == Outcome.Ambiguous && call.Mode == RetryMode.Repeatable);
                if (failure.Outcome == Outcome.Ambiguous && call.Mode == RetryMode.OnlyIfNotActed)
                {
                    if (call.ResolveAmbiguous is null)
                    {
                        throw MayHaveSucceeded(call, failure, attempt);
                    }

                    ApiResponse? resolved;
                    try
                    {
                        resolved = await call.ResolveAmbiguous(context).ConfigureAwait(false);
                    }
                    catch (LifePosApiException lookupError)
                    {
                        throw MayHaveSucceeded(call, failure, attempt, lookupError);
                    }

                    if (resolved != null)
                    {
                        return resolved;
                    }

                    retryable = true;
                }

                if (!retryable || attempt >= _settings.MaxRetries)
                {
                    throw failure.ToException(this, call, attempt);
                }

                var delay = RetryDelay(attempt, failure.RetryAfter);
                Interlocked.Increment(ref _retryCount);
                context.CountRetry();
                context.Observer?.OnRetry(new RetryInfo(call.Method.Method, call.LoggedPath, failure.Reason, attempt, delay));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<AttemptResult> TryOnceAsync(ApiCall call, int attempt, RequestContext context)
        {
            var observer = context.Observer;
            var debug = observer != null && observer.IsDebugEnabled;
            using var request = BuildRequest(call);
            if (debug)
            {
                observer!.OnDebug(DescribeRequest(request, call));
            }

            var stopwatch = Stopwatch.StartNew();
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            if (_settings.Timeout < LongestTimeout)
            {
                attemptCancellation.CancelAfter(_settings.Timeout);
            }
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptCancellation.Token)
                    .ConfigureAwait(false);
                var body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                stopwatch.Stop();
                var status = (int)response.StatusCode;
                var contentType = response.Content?.Headers.ContentType?.MediaType;
                observer?.OnRequestCompleted(new RequestLog(call.Method.Method, call.LoggedPath, status, stopwatch.ElapsedMilliseconds, attempt));
                if (debug)
                {
                    observer!.OnDebug(DescribeResponse(response, body, call, stopwatch.ElapsedMilliseconds));
                }

                if (status >= 200 && status < 300)
                {
                    return AttemptResult.Success(new ApiResponse(status, body, contentType, attempt));
                }

                return AttemptResult.FromStatus(status, ErrorBody.Parse(contentType, body), RetryAfter(response));
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException timeout)
            {
                observer?.OnRequestCompleted(new RequestLog(call.Method.Method, call.LoggedPath, null, stopwatch.ElapsedMilliseconds, attempt));
                return AttemptResult.TimedOutAfter(_settings.Timeout, timeout);
            }
            catch (Exception error) when (error is HttpRequestException || error is IOException || error is SocketException)
            {
                observer?.OnRequestCompleted(new RequestLog(call.Method.Method, call.LoggedPath, null, stopwatch.ElapsedMilliseconds, attempt));
                return AttemptResult.Network(error, CertainlyNotSent(error), IsCertificateFailure(error));
            }
        }

        private HttpRequestMessage BuildRequest(ApiCall call)
        {
            var request = new HttpRequestMessage(call.Method, BuildUri(call.PathAndQuery));
            if (call.Body != null)
            {
                request.Content = new ByteArrayContent(call.Body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(call.ContentType ?? "application/json");
            }

            if (call.Authenticated && _token is { } token)
            {
                // The only moment the token exists as a string: inside the header of one request.
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Reveal(token));
            }

            return request;
        }

        private Uri BuildUri(string pathAndQuery) => new Uri(_settings.BaseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery, UriKind.Absolute);

        private static string Reveal(SecureString secret)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return Marshal.PtrToStringUni(pointer, secret.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>A 401 is about the token unless the server names another cause (e.g. <c>WrongActivationCode</c>).</summary>
        private static bool RefusesTheToken(ErrorBody? error) =>
            error?.Code is null || error.Code == "Unauthorized" || error.Code == "InvalidToken" || error.Code == "TokenExpired";

        private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
        {
            var cap = _settings.MaxRetryDelay;
            if (retryAfter is { } asked)
            {
                return asked > cap ? cap : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
            }

            var exponential = _settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
            var capped = Math.Min(exponential, cap.TotalMilliseconds);
            double jitter;
            lock (_randomGate)
            {
                jitter = _random.NextDouble();
            }

            // "Equal jitter": at least half the step, so retries spread out but still back off.
            return TimeSpan.FromMilliseconds(capped / 2 + (capped / 2 * jitter));
        }

        internal static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
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
                var wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        private static bool CertainlyNotSent(Exception error)
        {
            for (var current = error; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A TLS failure (e.g. an untrusted certificate) will not heal by retrying.</summary>
        private static bool IsCertificateFailure(Exception error)
        {
            for (var current = error; current != null; current = current.InnerException)
            {
                if (current is System.Security.Authentication.AuthenticationException)
                {
                    return true;
                }
            }

            return false;
        }

        private async Task EnsureTokenAsync(RequestContext context)
        {
            if (Volatile.Read(ref _token) != null)
            {
                return;
            }

            if (_settings.SignIn is null)
            {
                throw new LifePosConfigurationException("The client has neither a token nor a login to sign in with; run Connect-LifePos.");
            }

            await RefreshTokenAsync(Volatile.Read(ref _tokenGeneration), context).ConfigureAwait(false);
        }

        /// <summary>Signs in again unless another request already did since <paramref name="failedGeneration"/>.</summary>
        private async Task RefreshTokenAsync(int failedGeneration, RequestContext context)
        {
            await _signInGate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _tokenGeneration) != failedGeneration && Volatile.Read(ref _token) != null)
                {
                    return;
                }

                // Requests refused together share one sign-in, and its failure: a wrong password is tried once,
                // not once per request (services lock accounts after a few wrong passwords).
                if (_failedSignIn is { } failed && failed.Generation == failedGeneration)
                {
                    throw failed.Error;
                }

                try
                {
                    await SignInCoreAsync(context).ConfigureAwait(false);
                }
                catch (LifePosAuthenticationException error)
                {
                    _failedSignIn = new FailedSignIn(failedGeneration, error);
                    throw;
                }
            }
            finally
            {
                _signInGate.Release();
            }
        }

        private void SetToken(SecureString token)
        {
            if (!token.IsReadOnly())
            {
                token.MakeReadOnly();
            }

            // The old token is not disposed: another request may be building its header from it right now.
            Volatile.Write(ref _token, token);
            Interlocked.Increment(ref _tokenGeneration);
        }

        private string DescribeRequest(HttpRequestMessage request, ApiCall call)
        {
            var text = new StringBuilder();
            text.Append("HTTP request ").Append(request.Method.Method).Append(' ').Append(SecretRedactor.Redact(request.RequestUri!.AbsoluteUri)).AppendLine();
            text.Append(_defaultHeadersText);

            foreach (var header in request.Headers)
            {
                text.Append(header.Key).Append(": ").AppendLine(HeaderForLog(header.Key, header.Value));
            }

            if (request.Content != null)
            {
                text.Append("Content-Type: ").AppendLine(request.Content.Headers.ContentType?.ToString());
                text.AppendLine();
                text.Append(call.LoggedBody ?? BodyForLog(call.Body));
            }

            return text.ToString();
        }

        private static string DescribeResponse(HttpResponseMessage response, byte[] body, ApiCall call, long elapsedMilliseconds)
        {
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
                text.Append(call.ResponseHasSecrets && response.IsSuccessStatusCode
                    ? "(" + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes holding a token, not shown)"
                    : BodyForLog(body));
            }

            return text.ToString();
        }

        private static string HeaderForLog(string name, IEnumerable<string> values)
        {
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return "Bearer " + SecretRedactor.Mask;
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

        /// <summary>A sign-in the service refused, remembered for the token generation it was meant to replace.</summary>
        private sealed class FailedSignIn
        {
            public FailedSignIn(int generation, LifePosAuthenticationException error)
            {
                Generation = generation;
                Error = error;
            }

            public int Generation { get; }

            public LifePosAuthenticationException Error { get; }
        }

        /// <summary>One request as the transport sends it, with how it may be retried.</summary>
        internal sealed class ApiCall
        {
            public ApiCall(HttpMethod method, string pathAndQuery, RetryMode mode)
            {
                Method = method;
                PathAndQuery = pathAndQuery;
                Mode = mode;
                LoggedPath = SecretRedactor.Redact(pathAndQuery);
            }

            public HttpMethod Method { get; }

            public string PathAndQuery { get; }

            public string LoggedPath { get; }

            public RetryMode Mode { get; }

            public byte[]? Body { get; set; }

            public string? ContentType { get; set; }

            public bool Authenticated { get; set; } = true;

            /// <summary>Replaces the body in debug output (a sign-in body holds a password).</summary>
            public string? LoggedBody { get; set; }

            /// <summary>The successful answer holds a token: debug output leaves it out.</summary>
            public bool ResponseHasSecrets { get; set; }

            /// <summary>Says what may have happened when the outcome is unknown, e.g. "The workplace may have been created".</summary>
            public string MayHaveHappened { get; set; } = "The request may have been carried out";

            /// <summary>What to do before trying again after an unknown outcome.</summary>
            public string CheckFirst { get; set; } = "check the current state before trying again";

            /// <summary>For an ambiguous failure: finds what the lost request did (an answer) or null to send it again.</summary>
            public Func<RequestContext, Task<ApiResponse?>>? ResolveAmbiguous { get; set; }
        }

        internal sealed class ApiResponse
        {
            public ApiResponse(int statusCode, byte[] body, string? contentType, int attempts)
            {
                StatusCode = statusCode;
                Body = body;
                ContentType = contentType;
                Attempts = attempts;
            }

            public int StatusCode { get; }

            public byte[] Body { get; }

            public string? ContentType { get; }

            public int Attempts { get; }
        }

        /// <summary>What one attempt gave: an answer to return, or a failure classified for the retry decision.</summary>
        private sealed class AttemptResult
        {
            private AttemptResult(Outcome outcome, string reason)
            {
                Outcome = outcome;
                Reason = reason;
            }

            public ApiResponse? Response { get; private set; }

            public Outcome Outcome { get; }

            public string Reason { get; }

            public int? StatusCode { get; private set; }

            public ErrorBody? Error { get; private set; }

            public TimeSpan? RetryAfter { get; private set; }

            public Exception? Exception { get; private set; }

            public bool TimedOut { get; private set; }

            public TimeSpan Timeout { get; private set; }

            public static AttemptResult Success(ApiResponse response) =>
                new AttemptResult(Outcome.Final, "success") { Response = response };

            public static AttemptResult FromStatus(int status, ErrorBody error, TimeSpan? retryAfter)
            {
                var code = error.Code ?? ErrorBody.CodeForStatus(status);
                var outcome = status switch
                {
                    // The service refused before acting; activation bans are not a rate limit worth waiting for.
                    429 when code != "TryActivateLater" && code != "TrySendCodeLater" => Outcome.NotActed,
                    503 => Outcome.NotActed,
                    500 or 502 or 504 => Outcome.Ambiguous,
                    _ => Outcome.Final,
                };
                return new AttemptResult(outcome, status.ToString(CultureInfo.InvariantCulture) + " " + code)
                {
                    StatusCode = status,
                    Error = error,
                    RetryAfter = retryAfter,
                };
            }

            public static AttemptResult TimedOutAfter(TimeSpan timeout, Exception error) =>
                new AttemptResult(Outcome.Ambiguous, "no answer within " + timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s")
                {
                    Exception = error,
                    TimedOut = true,
                    Timeout = timeout,
                };

            public static AttemptResult Network(Exception error, bool notSent, bool certificateRefused) =>
                new AttemptResult(
                    certificateRefused ? Outcome.Final : notSent ? Outcome.NotActed : Outcome.Ambiguous,
                    certificateRefused ? "certificate refused" : notSent ? "connection failed" : "connection dropped")
                {
                    Exception = error,
                };

            public LifePosApiException ToException(LifePosClient client, ApiCall call, int attempts) =>
                client.FailureException(call, this, attempts);
        }
    }
}
