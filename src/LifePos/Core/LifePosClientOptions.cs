using System;
using System.Security;

namespace LifePos.Core
{
    /// <summary>Settings of a <see cref="LifePosClient"/>; copied when the client is created.</summary>
    public sealed class LifePosClientOptions
    {
        /// <summary>Service address; https unless the host is loopback.</summary>
        public Uri BaseUri { get; set; } = LifePosClient.GetBaseUri(LifePosEnvironment.Production);

        /// <summary>Sent as <c>Accept-Language</c>: <c>ru-RU</c> or <c>en-US</c>.</summary>
        public string Language { get; set; } = "ru-RU";

        /// <summary>Sent as <c>X-LP-Client-Identifier</c>; a new id is used when left empty.</summary>
        public Guid ClientIdentifier { get; set; }

        /// <summary>Tries in all for one call, the first included (1 = never retry).</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>Upper bound of one wait between tries, including a server's <c>Retry-After</c>.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>First backoff step; doubles with each retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>How long one attempt may wait for the whole answer.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long one call may take in all, every try and wait included (waits for a rate limit are not tries, so
        /// this is what ends them).
        /// </summary>
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long the service may be unreachable (refused, reset, unknown host, no answer in time), with no request
        /// answered meanwhile, before every request fails at once with <see cref="LifePosServiceUnreachableException"/>.
        /// </summary>
        public TimeSpan OutageTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>A token to authenticate with (copied, kept read-only).</summary>
        public SecureString? Token { get; set; }

        /// <summary>Login and password to sign in with, and to sign in again once when the token is refused mid-run.</summary>
        public ICredentialSignIn? SignIn { get; set; }

        /// <summary>A proxy for every request; null uses the system's (HTTPS_PROXY, or Windows' settings).</summary>
        public Uri? Proxy { get; set; }

        /// <summary>The proxy's login, when it asks for one.</summary>
        public System.Net.ICredentials? ProxyCredential { get; set; }

        /// <summary>Connect directly, whatever the system's proxy settings say.</summary>
        public bool NoProxy { get; set; }

        /// <summary>
        /// Extensions to name in <c>X-LP-Client-Extensions</c> beside the ones the module knows (a service may show and
        /// accept only the named ones).
        /// </summary>
        public string[] ClientExtensions { get; set; } = Array.Empty<string>();

        /// <summary>Parallel connections to the service; enough for a ThrottleLimit of 16 and more.</summary>
        public int MaxConnectionsPerServer { get; set; } = 64;

        /// <summary>The HTTP handler to send through instead of the module's own (tests hand in theirs); not disposed by the client.</summary>
        internal System.Net.Http.HttpMessageHandler? Handler { get; set; }

        /// <summary>Time for backoff waits; the system clock unless a test hands in its own.</summary>
        internal Http.IClock? Clock { get; set; }

        internal LifePosClientOptions Clone() => (LifePosClientOptions)MemberwiseClone();
    }
}
