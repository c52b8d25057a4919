using System;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// The one loop that repeats requests. It only loops: <see cref="FailureClassifier"/> decides what each attempt
    /// means, <see cref="Backoff"/> how long to wait, <see cref="TokenSession"/> signs in again, and
    /// <see cref="FailureMessages"/> words the final failure.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private readonly int _maxTries;
        private readonly Backoff _backoff;
        private readonly IClock _clock;
        private readonly FailureMessages _messages;
        private long _retryCount;

        public RetryPolicy(int maxTries, Backoff backoff, IClock clock, FailureMessages messages)
        {
            _maxTries = maxTries;
            _backoff = backoff;
            _clock = clock;
            _messages = messages;
        }

        /// <summary>Retries made so far, by every request.</summary>
        public long RetryCount => Interlocked.Read(ref _retryCount);

        /// <param name="request">What to send and how it may be repeated.</param>
        /// <param name="tokens">The token session of an authenticated request; null sends without a token.</param>
        /// <param name="sendOnce">One attempt (the number counts from 1).</param>
        /// <param name="context">Cancellation, observer and the run's retry counter.</param>
        public async Task<ApiResponse> SendAsync(
            ApiRequest request, TokenSession? tokens, Func<int, Task<AttemptResult>> sendOnce, RequestContext context)
        {
            var reSignedIn = false;
            var attempt = 0;
            while (true)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                attempt++;
                if (tokens != null)
                {
                    await tokens.EnsureTokenAsync(context).ConfigureAwait(false);
                }

                var generation = tokens?.Generation ?? 0;
                var result = await sendOnce(attempt).ConfigureAwait(false);
                var decision = FailureClassifier.Classify(result, request.Mode, tokens != null, tokens is { CanSignIn: true } && !reSignedIn);
                switch (decision.Action)
                {
                    case RetryAction.Succeed:
                        return result.Response!;
                    case RetryAction.ReSignIn:
                        reSignedIn = true;
                        attempt--;
                        CountRetry(request, decision.Reason + ", signing in again", attempt, TimeSpan.Zero, context);
                        await tokens!.RefreshAsync(generation, context).ConfigureAwait(false);
                        continue;
                    case RetryAction.Fail when result.StatusCode == 401 && tokens != null && FailureClassifier.RefusesTheToken(result.Error?.Code):
                        throw _messages.TokenRefused(request, result, attempt, reSignedIn);
                    case RetryAction.Fail:
                        throw _messages.Failed(request, result, attempt);
                    case RetryAction.Resolve:
                        if (await ResolveAsync(request, result, decision, attempt, context).ConfigureAwait(false) is { } resolved)
                        {
                            return resolved;
                        }

                        break;
                }

                if (attempt >= _maxTries)
                {
                    throw _messages.Failed(request, result, attempt);
                }

                var delay = _backoff.Delay(attempt, decision.RetryAfter);
                CountRetry(request, decision.Reason, attempt, delay, context);
                await _clock.Delay(delay, context.CancellationToken).ConfigureAwait(false);
            }
        }

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
