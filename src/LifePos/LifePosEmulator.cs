using System;
using System.Diagnostics;
using System.Security;

namespace LifePos
{
    /// <summary>
    /// A local LIFE POS emulator started by Start-LifePosEmulator: where it listens, its dashboard, the organization it
    /// serves and a token for Connect-LifePos. Stop-LifePosEmulator stops it.
    /// </summary>
    public sealed class LifePosEmulator
    {
        internal LifePosEmulator(Process process, Uri baseUri, Guid organizationId, SecureString secureToken)
        {
            Process = process;
            BaseUri = baseUri;
            DashboardUri = new Uri(baseUri, "/");
            OrganizationId = organizationId;
            SecureToken = secureToken;
            ProcessId = process.Id;
        }

        /// <summary>Where the API answers: pass it to Connect-LifePos -BaseUri.</summary>
        public Uri BaseUri { get; }

        /// <summary>The dashboard page: workplaces, the SMS outbox, the request log, the faults.</summary>
        public Uri DashboardUri { get; }

        public Guid OrganizationId { get; }

        /// <summary>The emulator's token, made for this run (it opens only this emulator) unless -ArgumentList gave one: pass it to Connect-LifePos -Token.</summary>
        public SecureString SecureToken { get; }

        public int ProcessId { get; }

        /// <summary>Whether the emulator's process has ended.</summary>
        public bool HasExited => Process.HasExited;

        internal Process Process { get; }

        public override string ToString() => BaseUri.ToString();
    }
}
