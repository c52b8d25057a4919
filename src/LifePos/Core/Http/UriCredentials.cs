using System;
using System.Net;

namespace LifePos.Core.Http
{
    /// <summary>
    /// A <c>user:password@</c> in an address is a secret: it is taken out of a proxy's address (into its credentials),
    /// refused in the service's address, and masked wherever an address is shown.
    /// </summary>
    internal static class UriCredentials
    {
        /// <summary>The address as text, its user information (if any) masked: <c>http://***@proxy:3128/</c>.</summary>
        public static string Masked(Uri? uri)
        {
            if (uri is null)
            {
                return string.Empty;
            }

            if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
            {
                return uri.ToString();
            }

            return new UriBuilder(uri) { UserName = SecretRedactor.Mask, Password = string.Empty }.Uri.ToString();
        }

        /// <summary>The address without its user information, and the credentials it held (null when none).</summary>
        public static Uri WithoutCredentials(Uri uri, out NetworkCredential? credential)
        {
            credential = null;
            if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
            {
                return uri;
            }

            var colon = uri.UserInfo.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo.Substring(0, colon));
            var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo.Substring(colon + 1));
            credential = new NetworkCredential(user, password);
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
        }
    }
}
