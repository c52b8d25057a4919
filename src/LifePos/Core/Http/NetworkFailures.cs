using System;
using System.Net;
using System.Net.Sockets;

namespace LifePos.Core.Http
{
    /// <summary>
    /// What a failed send says about whether the request reached the server. .NET reports it as a
    /// <see cref="SocketException"/>; .NET Framework (Windows PowerShell) often as a <see cref="WebException"/> with a
    /// status and no socket error inside (a DNS failure is <see cref="WebExceptionStatus.NameResolutionFailure"/>), so
    /// both are read the same way.
    /// </summary>
    internal static class NetworkFailures
    {
        /// <summary>True when the request certainly never left (refused, unknown host, no route): it can be sent again.</summary>
        public static bool CertainlyNotSent(Exception error)
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

                if (current is WebException web)
                {
                    switch (web.Status)
                    {
                        case WebExceptionStatus.NameResolutionFailure:
                        case WebExceptionStatus.ProxyNameResolutionFailure:
                        case WebExceptionStatus.ConnectFailure:
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A TLS failure (e.g. an untrusted certificate) will not heal by retrying.</summary>
        public static bool IsCertificateFailure(Exception error)
        {
            for (var current = error; current != null; current = current.InnerException)
            {
                if (current is System.Security.Authentication.AuthenticationException
                    || (current is WebException web && web.Status == WebExceptionStatus.TrustFailure))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
