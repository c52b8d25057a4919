using System;
using System.Net.Sockets;

namespace LifePos.Core.Http
{
    /// <summary>What a failed send says about whether the request reached the server.</summary>
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
            }

            return false;
        }

        /// <summary>A TLS failure (e.g. an untrusted certificate) will not heal by retrying.</summary>
        public static bool IsCertificateFailure(Exception error)
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
    }
}
