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
            var who = Account is null ? "with a token" : "as " + Account;
            return "LIFE POS " + Environment + " " + BaseUri.GetLeftPart(UriPartial.Authority) + ", organization " + organization + ", " + who;
        }
    }
}
