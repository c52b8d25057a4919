using System;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Where every request goes, in this order: the token (<see cref="TokenSession"/>), the retry loop
    /// (<see cref="RetryPolicy"/> with <see cref="FailureClassifier"/>), one attempt with its timeout
    /// (<see cref="HttpTransport"/>, which logs through <see cref="RequestLogger"/>). Resource clients describe a
    /// request as an <see cref="ApiRequest"/> and read its answer with <see cref="ResponseReader"/>.
    /// </summary>
    internal sealed class ApiConnection : IDisposable
    {
        private readonly HttpTransport _transport;
        private readonly RetryPolicy _retry;

        public ApiConnection(LifePosClientOptions settings, TokenSession tokens, IClock clock)
        {
            Settings = settings;
            Tokens = tokens;
            _transport = new HttpTransport(HttpClientFactory.Create(settings), settings.BaseUri, settings.Timeout);
            _retry = new RetryPolicy(
                settings.MaxRetries,
                new Backoff(settings.RetryBaseDelay, settings.MaxRetryDelay),
                clock,
                new FailureMessages(settings.BaseUri.Host, tokens.CanSignIn));
        }

        /// <summary>The validated settings, without the token.</summary>
        public LifePosClientOptions Settings { get; }

        public TokenSession Tokens { get; }

        public long RetryCount => _retry.RetryCount;

        public Task<ApiResponse> SendAsync(ApiRequest request, RequestContext context)
        {
            var tokens = request.Authenticated ? Tokens : null;
            return _retry.SendAsync(request, tokens, attempt => _transport.SendOnceAsync(request, tokens, attempt, context), context);
        }

        public void Dispose()
        {
            _transport.Dispose();
            Tokens.Dispose();
        }
    }
}
