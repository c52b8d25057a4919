using System;
using System.Management.Automation;
using System.Security;
using LifePos.Core;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// Connects to LIFE POS with a token, a login, or (for scheduled jobs) the LIFEPOS_* environment variables, picks the
    /// organization, checks who signed in, and stores the connection as the session's default connection.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "LifePos", DefaultParameterSetName = EnvironmentTokenSet)]
    [OutputType(typeof(LifePosConnection))]
    public sealed class ConnectLifePosCommand : LifePosCmdlet
    {
        public const string EnvironmentTokenSet = "EnvironmentToken";
        public const string EnvironmentCredentialSet = "EnvironmentCredential";
        public const string BaseUriTokenSet = "BaseUriToken";
        public const string BaseUriCredentialSet = "BaseUriCredential";
        public const string FromEnvironmentSet = "FromEnvironment";

        [Parameter(ParameterSetName = EnvironmentTokenSet)]
        [Parameter(ParameterSetName = EnvironmentCredentialSet)]
        [Parameter(ParameterSetName = FromEnvironmentSet)]
        [ValidateSet("Production", "Test")]
        public string Environment { get; set; } = "Production";

        /// <summary>Another service address, e.g. the emulator's; http only for loopback.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BaseUriTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = BaseUriCredentialSet)]
        [Parameter(ParameterSetName = FromEnvironmentSet)]
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

        /// <summary>Reads the sign-in from LIFEPOS_TOKEN, or LIFEPOS_LOGIN and LIFEPOS_PASSWORD (and LIFEPOS_BASE_URI, LIFEPOS_ENVIRONMENT, LIFEPOS_ORGANIZATION_ID).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromEnvironmentSet)]
        public SwitchParameter FromEnvironment { get; set; }

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

        /// <summary>A proxy for every request (http://host:port); without it the system's proxy settings apply.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Connect directly, whatever the system's proxy settings say.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>A file to which every change made through this connection appends one JSON line (see about_LifePos).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>Extensions to name in X-LP-Client-Extensions beside the ones the module knows (a newer extension a service shows only when named).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ClientExtension { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Leaves the session's default connection as it is: with -PassThru, a second organization's connection for -Connection.</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }

        protected override void EndProcessing()
        {
            var opener = new ConnectionOpener(this);
            var variables = FromEnvironment ? opener.ReadEnvironment() : null;
            var environment = MyInvocation.BoundParameters.ContainsKey(nameof(Environment)) ? Environment : null;
            ConnectionSettings settings;
            try
            {
                settings = ConnectionSettings.Merge(BaseUri, environment, Token, Credential?.UserName, Credential?.Password, OrganizationId, variables);
            }
            catch (InvalidInputException exception)
            {
                ThrowTerminatingError(LifePosErrors.Own(
                    exception.Message, "LifePos.InvalidInput", ErrorCategory.InvalidArgument, null, "Give the token or login without anything around it."));
                throw;
            }

            var options = ConnectionOpener.Options(settings, Language, MaxRetries, MaxRetryDelay, Timeout, OperationTimeout, OutageTimeout);
            options.Proxy = Proxy;
            options.ProxyCredential = ProxyCredential?.GetNetworkCredential();
            options.NoProxy = NoProxy.IsPresent;
            options.ClientExtensions = ClientExtension ?? Array.Empty<string>();
            var connection = opener.Connect(options, settings, JournalPath, makeDefault: !NoDefault);
            WriteVerbose("Connected: " + connection);
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
    }
}
