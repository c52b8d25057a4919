using System;
using System.Net;

namespace LifePos.Core
{
    /// <summary>Checks a client's settings before anything is sent: https unless loopback, sane limits.</summary>
    internal static class OptionsValidator
    {
        /// <summary>A checked copy of the settings, with a client identifier and without the token.</summary>
        public static LifePosClientOptions Validate(LifePosClientOptions options)
        {
            var settings = options.Clone();
            ValidateBaseUri(settings.BaseUri);
            if (settings.MaxRetries < 1)
            {
                throw new LifePosConfigurationException("MaxRetries counts every try including the first; it must be 1 or more.");
            }

            if (settings.MaxRetryDelay < TimeSpan.Zero || settings.RetryBaseDelay < TimeSpan.Zero)
            {
                throw new LifePosConfigurationException("Retry delays must not be negative.");
            }

            if (settings.Timeout <= TimeSpan.Zero || settings.OperationTimeout <= TimeSpan.Zero || settings.OutageTimeout <= TimeSpan.Zero)
            {
                throw new LifePosConfigurationException("Timeouts (-Timeout, -OperationTimeout, -OutageTimeout) must be longer than zero.");
            }

            if (string.IsNullOrWhiteSpace(settings.Language))
            {
                throw new LifePosConfigurationException("The language must be set, e.g. ru-RU or en-US.");
            }

            if (settings.ClientIdentifier == Guid.Empty)
            {
                settings.ClientIdentifier = Guid.NewGuid();
            }

            if (settings.Proxy != null && (!settings.Proxy.IsAbsoluteUri || (settings.Proxy.Scheme != Uri.UriSchemeHttp && settings.Proxy.Scheme != Uri.UriSchemeHttps)))
            {
                throw new LifePosConfigurationException("The proxy must be an http:// or https:// address such as http://proxy.example:3128.");
            }

            if (settings.Proxy != null && settings.NoProxy)
            {
                throw new LifePosConfigurationException("-Proxy and -NoProxy were both given: choose one.");
            }

            if (settings.Proxy != null)
            {
                settings.Proxy = Http.UriCredentials.WithoutCredentials(settings.Proxy, out var inAddress);
                if (inAddress != null && settings.ProxyCredential != null)
                {
                    throw new LifePosConfigurationException(
                        "The proxy's address " + Http.UriCredentials.Masked(options.Proxy) + " holds a user name and password, and -ProxyCredential was given too: give them once, with -ProxyCredential.");
                }

                settings.ProxyCredential ??= inAddress;
            }

            settings.Token = null;
            return settings;
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        private static void ValidateBaseUri(Uri? uri)
        {
            if (uri is null || !uri.IsAbsoluteUri)
            {
                throw new LifePosConfigurationException("The base address must be an absolute URL such as https://api.life-pos.ru.");
            }

            if (uri.UserInfo.Length > 0)
            {
                // The service does not sign in with an address's user:password, and it would show wherever the address does.
                throw new LifePosConfigurationException(
                    "The base address " + Http.UriCredentials.Masked(uri) + " holds a user name or password (user:password@), which LIFE POS does not take. " +
                    "Give the address without it, and sign in with -Credential (or LIFEPOS_LOGIN and LIFEPOS_PASSWORD).");
            }

            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                return;
            }

            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new LifePosConfigurationException("The base address must use https, not " + uri.Scheme + ": " + uri.GetLeftPart(UriPartial.Authority) + ".");
            }

            if (!IsLoopback(uri))
            {
                throw new LifePosConfigurationException(
                    "Refusing to send the token over plain http to " + uri.Host + ": use https. Plain http is allowed only for a local emulator on a loopback address (127.0.0.1, ::1, localhost).");
            }
        }
    }
}
