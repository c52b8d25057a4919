using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using LifePos.Core;
using LifePos.Domain;
using LifePos.PowerShell;

namespace LifePos.Commands
{
    /// <summary>
    /// Connects to LIFE POS with a token or a login, picks the organization, checks the connection with one cheap
    /// call, and stores it as the session's default connection.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "LifePos", DefaultParameterSetName = EnvironmentTokenSet)]
    [OutputType(typeof(LifePosConnection))]
    public sealed class ConnectLifePosCommand : LifePosCmdlet
    {
        public const string EnvironmentTokenSet = "EnvironmentToken";
        public const string EnvironmentCredentialSet = "EnvironmentCredential";
        public const string BaseUriTokenSet = "BaseUriToken";
        public const string BaseUriCredentialSet = "BaseUriCredential";

        private static readonly Guid ClientIdentifier = Guid.NewGuid();

        [Parameter(ParameterSetName = EnvironmentTokenSet)]
        [Parameter(ParameterSetName = EnvironmentCredentialSet)]
        [ValidateSet("Production", "Test")]
        public string Environment { get; set; } = "Production";

        /// <summary>Another service address, e.g. the emulator's; http only for loopback.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BaseUriTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriCredentialSet)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EnvironmentTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriTokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A phone-looking user name signs in by phone, anything else by full user name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EnvironmentCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriCredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Needed only when the account reaches more than one organization.</summary>
        [Parameter]
        public Guid OrganizationId { get; set; }

        [Parameter]
        [ValidateSet("ru-RU", "en-US")]
        public string Language { get; set; } = "ru-RU";

        /// <summary>Tries in all for one call, the first included.</summary>
        [Parameter]
        [ValidateRange(1, 20)]
        public int MaxRetries { get; set; } = 5;

        /// <summary>The longest wait between tries, a server's Retry-After included; seconds or a TimeSpan.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long one try may wait for the whole answer; seconds or a TimeSpan.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long one call may take in all, tries and waits included; seconds or a TimeSpan.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How long the service may be unreachable, with nothing answered meanwhile, before a run stops with one error.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan OutageTimeout { get; set; } = TimeSpan.FromSeconds(10);

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var environment = BaseUri is null
                ? (LifePosEnvironment)Enum.Parse(typeof(LifePosEnvironment), Environment)
                : LifePosEnvironment.Custom;
            var options = new LifePosClientOptions
            {
                BaseUri = BaseUri ?? LifePosClient.GetBaseUri(environment),
                Language = Language,
                ClientIdentifier = ClientIdentifier,
                MaxRetries = MaxRetries,
                MaxRetryDelay = MaxRetryDelay,
                Timeout = Timeout,
                OperationTimeout = OperationTimeout,
                OutageTimeout = OutageTimeout,
                Token = Token,
                SignIn = Credential is null ? null : new CredentialSignIn(Credential.UserName, Credential.Password),
            };

            LifePosClient client;
            try
            {
                client = LifePosClient.Create(options);
            }
            catch (LifePosConfigurationException exception)
            {
                ThrowTerminatingError(LifePosErrors.FromException(exception, BaseUri));
                return;
            }

            var stored = false;
            try
            {
                if (Credential != null)
                {
                    Wait(client.SignInAsync(RequestContext)).Dispose();
                }

                var organizations = Wait(client.GetOrganizationsAsync(RequestContext));
                var organization = ChooseOrganization(client, organizations);
                var connection = new LifePosConnection(
                    client, environment, organization.Id, organization.Name, Credential?.UserName, Credential is null ? "Token" : "Credential");
                ConnectionStore.Set(SessionState, connection);
                stored = true;
                WriteVerbose("Connected: " + connection);
                if (PassThru)
                {
                    WriteObject(connection);
                }
            }
            catch (LifePosApiException exception)
            {
                ThrowTerminatingError(LifePosErrors.FromException(exception, options.BaseUri));
            }
            finally
            {
                if (!stored)
                {
                    client.Dispose();
                }
            }
        }

        private Organization ChooseOrganization(LifePosClient client, IReadOnlyList<Organization> organizations)
        {
            const string chooseOne = "Run Connect-LifePos again with -OrganizationId and one of the organization ids listed.";
            Organization? chosen;
            try
            {
                chosen = OrganizationChooser.Choose(organizations, OrganizationId);
            }
            catch (InvalidInputException exception)
            {
                ThrowTerminatingError(LifePosErrors.Own(exception.Message, "LifePos.OrganizationNotChosen", ErrorCategory.InvalidArgument, null, chooseOne));
                throw;
            }

            if (chosen is null)
            {
                try
                {
                    // Not listed: not every account lists every organization it may use, so one cheap list call decides.
                    using var probe = client.ListWorkplaces(OrganizationId, new WorkplaceListQuery { PageSize = 1 }, RequestContext).GetEnumerator();
                    probe.MoveNext();
                }
                catch (LifePosApiException refused) when (refused.StatusCode is 403 or 404)
                {
                    ThrowTerminatingError(LifePosErrors.Own(
                        "Organization " + OrganizationId.ToString("D") + " was not found, or this account cannot reach it (" + refused.StatusCode + " " +
                        refused.ErrorCode + "). " + (organizations.Count == 0 ? "The account lists no organization." : "The account reaches:" +
                        OrganizationChooser.List(organizations)),
                        "LifePos.OrganizationNotFound",
                        ErrorCategory.ObjectNotFound,
                        OrganizationId,
                        chooseOne));
                }
            }

            return chosen ?? new Organization { Id = OrganizationId };
        }
    }
}
