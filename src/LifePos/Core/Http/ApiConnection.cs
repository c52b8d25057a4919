using System;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Where every request goes, in this order: the address (<see cref="ApiAddress"/>), the token
    /// (<see cref="TokenSession"/>), the retry loop (<see cref="RetryPolicy"/> with <see cref="FailureClassifier"/>),
    /// then per attempt the outage check (<see cref="CircuitBreaker"/>), the rate limit (<see cref="RateLimiter"/>)
    /// and one attempt with its timeout (<see cref="HttpTransport"/>, which logs through <see cref="RequestLogger"/>).
    /// Resource clients describe a request as an <see cref="ApiRequest"/> and read its answer with ResponseReader.
    /// </summary>
    internal sealed class ApiConnection : IDisposable
    {
        private readonly ApiAddress _address;
        private readonly HttpTransport _transport;
        private readonly RetryPolicy _retry;
        private readonly RateLimiter _limiter;
        private readonly CircuitBreaker _breaker;
        private readonly IClock _clock;
        private readonly TimeSpan _timeout;
        private int _disposed;

        public ApiConnection(LifePosClientOptions settings, TokenSession tokens, IClock clock)
        {
            Settings = settings;
            Tokens = tokens;
            _clock = clock;
            _timeout = settings.Timeout;
            _address = new ApiAddress(settings.BaseUri);
            _transport = new HttpTransport(HttpClientFactory.Create(settings), _address, new ClientExtensions(settings.ClientExtensions));
            _limiter = new RateLimiter(clock, settings.MaxRetryDelay);
            _breaker = new CircuitBreaker(settings.OutageTimeout, clock, settings.BaseUri.Host);
            _retry = new RetryPolicy(
                settings.MaxRetries,
                settings.OperationTimeout,
                new Backoff(settings.RetryBaseDelay, settings.MaxRetryDelay),
                clock,
                _limiter,
                _breaker,
                new FailureMessages(settings.BaseUri.Host, tokens.CanSignIn));
        }

        /// <summary>The validated settings, without the token.</summary>
        public LifePosClientOptions Settings { get; }

        public TokenSession Tokens { get; }

        public long RetryCount => _retry.RetryCount;

        /// <summary>The rate the limiter allows, once the service has said 429; null before.</summary>
        public double? AllowedRate => _limiter.Rate;

        public bool IsClosed => Volatile.Read(ref _disposed) != 0;

        public static LifePosConfigurationException Closed() =>
            new LifePosConfigurationException("This LIFE POS connection was closed (Disconnect-LifePos). Run Connect-LifePos again and use the new connection.", connectionClosed: true);

        public Task<ApiResponse> SendAsync(ApiRequest request, RequestContext context)
        {
            if (IsClosed)
            {
                throw Closed();
            }

            var tokens = request.Authenticated ? Tokens : null;
            request.AddressedTo(_address);
            return _retry.SendAsync(request, tokens, (attempt, left) => AttemptAsync(request, tokens, attempt, left, context), context);
        }

        /// <summary>A command begins: after an outage its first request probes at once.</summary>
        public void NewCommand() => _breaker.NewCommand();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _transport.Dispose();
                Tokens.Dispose();
            }
        }

        private async Task<AttemptResult> AttemptAsync(ApiRequest request, TokenSession? tokens, int attempt, TimeSpan left, RequestContext context)
        {
            _breaker.ThrowIfOpen(request);
            using (await _limiter.AcquireAsync(context.CancellationToken).ConfigureAwait(false))
            {
                var started = _clock.Now;
                var result = await _transport.SendOnceAsync(request, tokens, attempt, left < _timeout ? left : _timeout, context).ConfigureAwait(false);
                if (result.Answered)
                {
                    _breaker.Answered();
                    if (result.StatusCode != 429)
                    {
                        _limiter.Answered();
                    }
                }
                else
                {
                    _breaker.Unreachable(started, FailureClassifier.ReasonWithoutAnswer(result));
                }

                return result;
            }
        }
    }
}
