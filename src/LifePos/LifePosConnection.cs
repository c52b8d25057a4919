using System;
using LifePos.Core;

namespace LifePos
{
    /// <summary>
    /// A connection to one LIFE POS organization. The token lives only inside the client as a
    /// <see cref="System.Security.SecureString"/>; nothing here shows it.
    /// </summary>
    public sealed class LifePosConnection
    {
        internal LifePosConnection(
            LifePosClient client,
            LifePosEnvironment environment,
            Guid organizationId,
            string? organizationName,
            string? account,
            string authenticationMethod)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
            var options = client.Options;
            BaseUri = options.BaseUri;
            Language = options.Language;
            MaxRetries = options.MaxRetries;
            MaxRetryDelay = options.MaxRetryDelay;
            Timeout = options.Timeout;
            OperationTimeout = options.OperationTimeout;
            OutageTimeout = options.OutageTimeout;
            Environment = environment;
            OrganizationId = organizationId;
            OrganizationName = organizationName;
            Account = account;
            AuthenticationMethod = authenticationMethod;
            ConnectedAt = DateTimeOffset.Now;
        }

        public LifePosEnvironment Environment { get; }

        public Uri BaseUri { get; }

        public Guid OrganizationId { get; }

        public string? OrganizationName { get; }

        /// <summary>The login used to sign in; null for a token connection.</summary>
        public string? Account { get; }

        /// <summary>The employee the token or login belongs to (from <c>/me</c>); null when the service did not say.</summary>
        public string? EmployeeName { get; internal set; }

        public Guid? EmployeeId { get; internal set; }

        /// <summary>The account's role (Owner, Administrator, Manager, Cashier, Courier, Guest), when the service names it.</summary>
        public string? Role { get; internal set; }

        /// <summary>Where every change the module makes through this connection is recorded, one JSON line each; null for none.</summary>
        public string? JournalPath => Journal?.Path;

        internal Core.Journal.ChangeJournal? Journal { get; set; }

        /// <summary>The proxy every request goes through; null for the system's (or none, with -NoProxy).</summary>
        public Uri? Proxy { get; internal set; }

        /// <summary><c>Token</c> or <c>Credential</c>.</summary>
        public string AuthenticationMethod { get; }

        public DateTimeOffset ConnectedAt { get; }

        public string Language { get; }

        public int MaxRetries { get; }

        public TimeSpan MaxRetryDelay { get; }

        /// <summary>How long one try may wait for its answer.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>How long one call may take in all.</summary>
        public TimeSpan OperationTimeout { get; }

        /// <summary>How long an outage is waited out before a run stops.</summary>
        public TimeSpan OutageTimeout { get; }

        /// <summary>True once Disconnect-LifePos closed it: it sends nothing any more.</summary>
        public bool IsClosed => Client.IsClosed;

        internal LifePosClient Client { get; }

        public override string ToString()
        {
            var organization = string.IsNullOrEmpty(OrganizationName)
                ? OrganizationId.ToString("D")
                : OrganizationName + " (" + OrganizationId.ToString("D") + ")";
            var who = (Account is null ? "with a token" : "as " + Account) +
                      (EmployeeName is null ? string.Empty : " (" + EmployeeName + (Role is null ? string.Empty : ", " + Role) + ")");
            return "LIFE POS " + Environment + " " + BaseUri.GetLeftPart(UriPartial.Authority) + ", organization " + organization + ", " + who;
        }
    }
}
