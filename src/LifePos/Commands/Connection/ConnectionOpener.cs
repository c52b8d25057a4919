using System;
using System.Collections.Generic;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// What Connect-LifePos does once its parameters are known: sign in, find the organization, ask who signed in
    /// (<c>/me</c>), and warn when that role cannot change workplaces. Failures end Connect-LifePos with one error.
    /// </summary>
    internal sealed class ConnectionOpener
    {
        private static readonly HashSet<string> ReadOnlyRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Manager" };
        private static readonly HashSet<string> NoApiRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Cashier", "Courier", "Guest" };

        private readonly LifePosCmdlet _cmdlet;

        public ConnectionOpener(LifePosCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Identifies this process to the service, the same for every connection it opens.</summary>
        public static Guid ClientIdentifier { get; } = Guid.NewGuid();

        /// <summary>The client's settings from Connect-LifePos's merged settings and its limits (the proxy is set by the caller).</summary>
        public static LifePosClientOptions Options(
            ConnectionSettings settings, string language, int maxRetries, TimeSpan maxRetryDelay, TimeSpan timeout, TimeSpan operationTimeout, TimeSpan outageTimeout) =>
            new LifePosClientOptions
            {
                BaseUri = settings.BaseUri,
                Language = language,
                ClientIdentifier = ClientIdentifier,
                MaxRetries = maxRetries,
                MaxRetryDelay = maxRetryDelay,
                Timeout = timeout,
                OperationTimeout = operationTimeout,
                OutageTimeout = outageTimeout,
                Token = settings.Token,
                SignIn = settings.SignIn,
            };

        /// <summary>-FromEnvironment: the LIFEPOS_* variables; a missing or malformed one ends the command with an error that names it.</summary>
        public EnvironmentSettings ReadEnvironment()
        {
            try
            {
                return EnvironmentSettings.Read(Environment.GetEnvironmentVariable);
            }
            catch (InvalidInputException exception)
            {
                _cmdlet.ThrowTerminatingError(LifePosErrors.Own(
                    exception.Message, "LifePos.EnvironmentNotSet", ErrorCategory.InvalidArgument, null,
                    "Set the variable the message names for this process (the scheduler's environment, or a file the job sources), then run Connect-LifePos -FromEnvironment again."));
                throw;
            }
        }

        /// <summary>
        /// Creates the client (and the journal), opens the connection and (unless <paramref name="makeDefault"/> is false)
        /// stores it as the session's default one, warning when that default led to another organization. A failure ends
        /// the command with one error about the service's address, and the client is released.
        /// </summary>
        public LifePosConnection Connect(LifePosClientOptions options, ConnectionSettings settings, string? journalPath, bool makeDefault)
        {
            LifePosClient client;
            Core.Journal.ChangeJournal? journal;
            try
            {
                journal = journalPath is null ? null : new Core.Journal.ChangeJournal(_cmdlet.GetUnresolvedProviderPathFromPSPath(journalPath));
                client = LifePosClient.Create(options);
            }
            catch (LifePosConfigurationException exception)
            {
                _cmdlet.ThrowTerminatingError(LifePosErrors.FromException(exception, Core.Http.UriCredentials.Masked(options.BaseUri)));
                throw;
            }

            var stored = false;
            try
            {
                var connection = Open(client, settings.Environment, settings.OrganizationId, settings.Login);
                connection.Journal = journal;
                if (makeDefault)
                {
                    WarnOnReplacedDefault(connection);
                    ConnectionStore.Set(_cmdlet.SessionState, connection);
                }

                stored = true;
                return connection;
            }
            catch (LifePosApiException exception)
            {
                _cmdlet.ThrowTerminatingError(LifePosErrors.FromException(exception, Core.Http.UriCredentials.Masked(options.BaseUri)));
                throw;
            }
            finally
            {
                if (!stored)
                {
                    client.Dispose();
                }
            }
        }

        /// <summary>Commands without -Connection follow the default: say so when it now leads to another organization.</summary>
        private void WarnOnReplacedDefault(LifePosConnection connection)
        {
            if (ConnectionStore.Get(_cmdlet.SessionState) is { IsClosed: false } previous && previous.OrganizationId != connection.OrganizationId)
            {
                _cmdlet.WriteWarning(
                    "The session's default connection was organization " + OrganizationOf(previous) + "; it is now " + OrganizationOf(connection) +
                    ", so commands without -Connection go there. To keep the default, connect with -NoDefault -PassThru and pass that connection with -Connection.");
            }
        }

        private static string OrganizationOf(LifePosConnection connection) =>
            string.IsNullOrEmpty(connection.OrganizationName)
                ? connection.OrganizationId.ToString("D")
                : connection.OrganizationName + " (" + connection.OrganizationId.ToString("D") + ")";

        /// <param name="requestedOrganization">-OrganizationId, or Guid.Empty.</param>
        private LifePosConnection Open(LifePosClient client, LifePosEnvironment environment, Guid requestedOrganization, string? account)
        {
            var context = _cmdlet.RequestContext;
            if (client.Options.SignIn != null)
            {
                _cmdlet.Wait(client.SignInAsync(context)).Dispose();
            }

            IReadOnlyList<Organization> organizations;
            try
            {
                organizations = _cmdlet.Wait(client.GetOrganizationsAsync(context));
            }
            catch (LifePosApiException refused) when (refused.StatusCode == 403 && requestedOrganization != Guid.Empty)
            {
                // A role without API rights may not even list organizations; /me below still names the role.
                organizations = Array.Empty<Organization>();
            }

            var organization = Choose(client, organizations, requestedOrganization);
            var connection = new LifePosConnection(
                client, environment, organization.Id, organization.Name, account, account is null ? "Token" : "Credential")
            {
                Proxy = client.Options.Proxy,
            };
            Describe(connection);
            return connection;
        }

        /// <summary>Who signed in, and a warning when the role cannot change workplaces; a service that does not say is fine.</summary>
        private void Describe(LifePosConnection connection)
        {
            try
            {
                var me = _cmdlet.Wait(connection.Client.GetCurrentEmployeeAsync(connection.OrganizationId, _cmdlet.RequestContext));
                connection.EmployeeId = me.Id;
                connection.EmployeeName = me.Name;
                connection.Role = me.Role;
            }
            catch (LifePosApiException exception)
            {
                _cmdlet.WriteVerbose("LIFE POS did not say who signed in (" + exception.ErrorCode + "); the role is not known.");
                return;
            }

            if (connection.Role is { } role && ReadOnlyRoles.Contains(role))
            {
                _cmdlet.WriteWarning(
                    "The account's role is " + role + ": LIFE POS lets it read workplaces but not create, change, archive or activate them, so those " +
                    "calls will fail with 403 NoPermissions. Connect with an Owner or Administrator account for changes.");
            }
            else if (connection.Role is { } noRights && NoApiRoles.Contains(noRights))
            {
                _cmdlet.WriteWarning(
                    "The account's role is " + noRights + ", which has no rights in the LIFE POS API: every call but this check will fail with " +
                    "403 NoPermissions. Connect with an Owner or Administrator account.");
            }
        }

        private Organization Choose(LifePosClient client, IReadOnlyList<Organization> organizations, Guid requested)
        {
            const string chooseOne = "Run Connect-LifePos again with -OrganizationId and one of the organization ids listed.";
            Organization? chosen;
            try
            {
                chosen = OrganizationChooser.Choose(organizations, requested);
            }
            catch (InvalidInputException exception)
            {
                _cmdlet.ThrowTerminatingError(LifePosErrors.Own(exception.Message, "LifePos.OrganizationNotChosen", ErrorCategory.InvalidArgument, null, chooseOne));
                throw;
            }

            if (chosen is null && organizations.Count > 0)
            {
                try
                {
                    // Not listed: not every account lists every organization it may use, so one cheap list call decides.
                    // Only the answer's status matters here: an item it cannot read still shows the organization is reached.
                    var listing = client.ListWorkplaces(requested, new WorkplaceListQuery { PageSize = 1 }, _cmdlet.RequestContext);
                    listing.ItemUnreadable = _ => { };
                    using var probe = listing.GetEnumerator();
                    probe.MoveNext();
                }
                catch (LifePosApiException refused) when (refused.StatusCode is 403 or 404)
                {
                    _cmdlet.ThrowTerminatingError(LifePosErrors.Own(
                        "Organization " + requested.ToString("D") + " was not found, or this account cannot reach it (" + refused.StatusCode + " " +
                        refused.ErrorCode + "). The account reaches:" + OrganizationChooser.List(organizations),
                        "LifePos.OrganizationNotFound",
                        ErrorCategory.ObjectNotFound,
                        requested,
                        chooseOne));
                }
            }

            return chosen ?? new Organization { Id = requested };
        }
    }
}
