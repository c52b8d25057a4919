using System.Net;

namespace LifePos.Core.Http
{
    /// <summary>
    /// TLS 1.2 on .NET Framework, where ServicePointManager may still allow only TLS 1.0 and 1.1 and the service wants
    /// 1.2. The setting belongs to the whole process, so the module changes it only when it must.
    /// </summary>
    internal static class TlsProtocols
    {
        // SystemDefault: the operating system chooses (and keeps choosing as it learns newer versions).
        private const SecurityProtocolType SystemDefault = 0;

        /// <summary>
        /// The protocols to set so that TLS 1.2 is allowed; null to leave the process alone, because it already allows
        /// TLS 1.2 or uses the system default (adding TLS 1.2 to SystemDefault, which is 0, would pin it to TLS 1.2 only).
        /// </summary>
        public static SecurityProtocolType? WithTls12(SecurityProtocolType current) =>
            current == SystemDefault || (current & SecurityProtocolType.Tls12) != 0
                ? (SecurityProtocolType?)null
                : current | SecurityProtocolType.Tls12;

        /// <summary>Allows TLS 1.2 for this process unless it already does (see <see cref="WithTls12"/>).</summary>
        public static void AllowTls12()
        {
            if (WithTls12(ServicePointManager.SecurityProtocol) is { } protocols)
            {
                ServicePointManager.SecurityProtocol = protocols;
            }
        }
    }
}
