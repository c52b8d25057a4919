using System;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// The one loop that repeats requests. It only loops: <see cref="FailureClassifier"/> decides what each attempt
    /// means, <see cref="Backoff"/> how long to wait, <see cref="RateLimiter"/> holds the connection back after a 429,
    /// <see cref="CircuitBreaker"/> says when an outage is real, <see cref="TokenSession"/> signs in again, and
    /// <see cref="FailureMessages"/> words the final failure. A wait the server asked for (429) is not a failed try;
    /// every call ends within the connection's operation timeout.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private readonly int _maxTries;
        private readonly TimeSpan _operationTimeout;
        private readonly Backoff _backoff;
        private readonly IClock _clock;
        private readonly RateLimiter _limiter;
        private readonly CircuitBreaker _breaker;
        private readonly FailureMessages _messages;
        private long _retryCount;

        public RetryPolicy(
            int maxTries, TimeSpan operationTimeout, Backoff backoff, IClock clock, RateLimiter limiter, CircuitBreaker breaker, FailureMessages messages)
        {
            _maxTries = maxTries;
            _operationTimeout = operationTimeout;
            _backoff = backoff;
            _clock = clock;
            _limiter = limiter;
            _breaker = breaker;
            _messages = messages;
        }

        /// <summary>Retries made so far, by every request.</summary>
        public long RetryCount => Interlocked.Read(ref _retryCount);

        /// <param name="request">What to send and how it may be repeated.</param>
        /// <param name="tokens">The token session of an authenticated request; null sends without a token.</param>
        /// <param name="sendOnce">One attempt (numbered from 1) with the time left for the call.</param>
        /// <param name="context">Cancellation, observer and the run's retry counter.</param>
        public async Task<ApiResponse> SendAsync(
            ApiRequest request, TokenSession? tokens, Func<int, TimeSpan, Task<AttemptResult>> sendOnce, RequestContext context)
        {
            var deadline = _clock.Now + _operationTimeout;
            var reSignedIn = false;
            var attempt = 0;
            var waits = 0;
            AttemptResult? result = null;
            while (true)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (tokens != null)
                {
                    await tokens.EnsureTokenAsync(context).ConfigureAwait(false);
                }

                var left = deadline - _clock.Now;
                if (left <= TimeSpan.Zero)
                {
                    throw _messages.OutOfTime(request, result, attempt, _operationTimeout);
                }

                attempt++;
                var generation = tokens?.Generation ?? 0;
                result = await sendOnce(attempt, left).ConfigureAwait(false);
                if (tokens != null && result.Answered && result.StatusCode != 401)
                {
                    tokens.Accepted();
                }

                var decision = Classify(result, request, tokens, reSignedIn, tokens is { RawTokenUntried: true });
                if (decision.Action == RetryAction.TryRawToken && !tokens!.TryRawToken())
                {
                    // Another request switched first: the raw form is tried once per connection.
                    decision = Classify(result, request, tokens, reSignedIn, rawTokenUntried: false);
                }

                TimeSpan delay;
                switch (decision.Action)
                {
                    case RetryAction.Succeed:
                        return result.Response!;
                    case RetryAction.TryRawToken:
                        waits++;
                        CountRetry(request, decision.Reason + ", trying the raw token", attempt, TimeSpan.Zero, context);
                        continue;
                    case RetryAction.ReSignIn:
                        reSignedIn = true;
                        waits++;
                        CountRetry(request, decision.Reason + ", signing in again", attempt, TimeSpan.Zero, context);
                        await tokens!.RefreshAsync(generation, context).ConfigureAwait(false);
                        continue;
                    case RetryAction.TokenRefused:
                        throw _messages.TokenRefused(request, result, attempt, reSignedIn);
                    case RetryAction.Fail:
                        throw _messages.Failed(request, result, attempt);
                    case RetryAction.Wait:
                        // The rate limiter holds every request of the connection for the pause; this one goes back in line.
                        waits++;
                        delay = _limiter.Pause(decision.RetryAfter, learn: result.StatusCode == 429);
                        if (_clock.Now + delay >= deadline)
                        {
                            throw _messages.OutOfTime(request, result, attempt, _operationTimeout);
                        }

                        CountRetry(request, decision.Reason, attempt, delay, context);
                        continue;
                    case RetryAction.Resolve:
                        if (await ResolveAsync(request, result, decision, attempt, context).ConfigureAwait(false) is { } resolved)
                        {
                            return resolved;
                        }

                        break;
                }

                if (!result.Answered)
                {
                    // An outage the breaker has recognised is reported as one, not as this request's failure.
                    _breaker.ThrowIfOpen(request);
                }

                if (attempt - waits >= _maxTries)
                {
                    if (result.Answered || !_breaker.IsSuspecting)
                    {
                        throw _messages.Failed(request, result, attempt);
                    }

                    // No request reaches the service, but not for long enough to call it an outage: keep trying
                    // until the breaker decides (the service is back, or the run stops with one error).
                }

                delay = _backoff.Delay(attempt - waits, decision.RetryAfter);
                if (_clock.Now + delay >= deadline)
                {
                    throw _messages.OutOfTime(request, result, attempt, _operationTimeout);
                }

                CountRetry(request, decision.Reason, attempt, delay, context);
                await Task.WhenAny(_clock.Delay(delay, context.CancellationToken), _breaker.WhenOpen).ConfigureAwait(false);
            }
        }

        private static RetryDecision Classify(AttemptResult result, ApiRequest request, TokenSession? tokens, bool reSignedIn, bool rawTokenUntried) =>
            FailureClassifier.Classify(result, request.Mode, tokens != null, tokens is { CanSignIn: true } && !reSignedIn, rawTokenUntried);

        /// <summary>After an ambiguous failure: the answer of what the lost request did, or null to send it again.</summary>
        private static async Task<ApiResponse?> ResolveAsync(
            ApiRequest request, AttemptResult failure, RetryDecision decision, int attempt, RequestContext context)
        {
            if (request.ResolveAmbiguous is null)
            {
                throw FailureMessages.MayHaveSucceeded(request, failure, decision.Reason, attempt);
            }

            try
            {
                return await request.ResolveAmbiguous(context).ConfigureAwait(false);
            }
            catch (LifePosServiceUnreachableException)
            {
                // An outage stops the run as an outage; its message says how to finish safely (-SkipExisting).
                throw;
            }
            catch (LifePosApiException lookupError)
            {
                throw FailureMessages.MayHaveSucceeded(request, failure, decision.Reason, attempt, lookupError);
            }
        }

        private void CountRetry(ApiRequest request, string reason, int attempt, TimeSpan delay, RequestContext context)
        {
            Interlocked.Increment(ref _retryCount);
            context.CountRetry();
            RequestLogger.Retrying(request, reason, attempt, delay, context);
        }
    }
}
