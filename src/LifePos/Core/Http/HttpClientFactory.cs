using System;
using System.Net;
using System.Net.Http;

namespace LifePos.Core.Http
{
    /// <summary>
    /// The one place where the connection's HTTP stack is put together: the handler (or the one a test hands in) and
    /// the headers every LIFE POS request carries.
    /// </summary>
    internal static class HttpClientFactory
    {
        public static HttpClient Create(LifePosClientOptions options)
        {
            var handler = options.Handler ?? CreateHandler(options);
            var http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var headers = http.DefaultRequestHeaders;
            headers.TryAddWithoutValidation("X-LP-Client-Identifier", options.ClientIdentifier.ToString("D"));
            headers.TryAddWithoutValidation("X-LP-Client-Type", "Service");
            headers.TryAddWithoutValidation("X-LP-Client-Name", ModuleInfo.Name);
            headers.TryAddWithoutValidation("Accept-Language", options.Language);
            headers.TryAddWithoutValidation("Accept", JsonMedia.Json);
            var version = typeof(HttpClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            headers.TryAddWithoutValidation("User-Agent", ModuleInfo.Name + "/" + version);
            return http;
        }

        private static bool IsNetFramework =>
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        private static HttpMessageHandler CreateHandler(LifePosClientOptions options)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,

                // Honoured by .NET and by .NET Framework from 4.7.1 (the module needs 4.7.2): -ThrottleLimit 16 means 16
                // requests in flight on Windows PowerShell too.
                MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            };

            if (options.NoProxy)
            {
                handler.UseProxy = false;
            }
            else if (options.Proxy != null)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential, BypassProxyOnLocal = false };
            }
            else
            {
                // The system's proxy (environment variables, or Windows' settings on .NET Framework).
                handler.UseProxy = true;
            }

            if (IsNetFramework)
            {
                TlsProtocols.AllowTls12();
            }

            return handler;
        }
    }
}
