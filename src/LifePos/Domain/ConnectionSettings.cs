using System;
using System.Security;
using LifePos.Core;

namespace LifePos.Domain
{
    /// <summary>
    /// Where and as whom Connect-LifePos signs in, merged from its parameters, then the LIFEPOS_* variables (with
    /// -FromEnvironment), then the defaults. A parameter always wins over its variable. An address (-BaseUri, else
    /// LIFEPOS_BASE_URI) makes the environment Custom; without one the environment is -Environment, else
    /// LIFEPOS_ENVIRONMENT, else Production, and its address is the service's. Pure: values in, settings out.
    /// </summary>
    internal sealed class ConnectionSettings
    {
        private ConnectionSettings(Uri baseUri, LifePosEnvironment environment, SecureString? token, string? login, SecureString? password, Guid organizationId)
        {
            BaseUri = baseUri;
            Environment = environment;
            Token = token;
            Login = login;
            Password = password;
            OrganizationId = organizationId;
        }

        public Uri BaseUri { get; }

        public LifePosEnvironment Environment { get; }

        public SecureString? Token { get; }

        /// <summary>The account that signs in with a password; null for a token.</summary>
        public string? Login { get; }

        public SecureString? Password { get; }

        /// <summary>The organization asked for; <see cref="Guid.Empty"/> lets Connect-LifePos take the account's only one.</summary>
        public Guid OrganizationId { get; }

        /// <summary>The sign-in by login and password, when both are known.</summary>
        public ICredentialSignIn? SignIn => Login is null || Password is null ? null : new CredentialSignIn(Login, Password);

        /// <param name="baseUri">-BaseUri, or null.</param>
        /// <param name="environment">-Environment when it was given (Production or Test), else null.</param>
        /// <param name="token">-Token, or null.</param>
        /// <param name="login">-Credential's user name, or null.</param>
        /// <param name="password">-Credential's password, or null.</param>
        /// <param name="organizationId">-OrganizationId, or <see cref="Guid.Empty"/>.</param>
        /// <param name="variables">The LIFEPOS_* variables with -FromEnvironment; null without it.</param>
        /// <exception cref="InvalidInputException">A token or login that is empty, or a token with whitespace inside.</exception>
        public static ConnectionSettings Merge(
            Uri? baseUri, string? environment, SecureString? token, string? login, SecureString? password, Guid organizationId, EnvironmentSettings? variables)
        {
            var address = baseUri ?? variables?.BaseUri;
            var chosen = EnvironmentOf(address, environment, variables);
            return new ConnectionSettings(
                address ?? LifePosClient.GetBaseUri(chosen),
                chosen,
                SignInText.Token(token, "-Token") ?? SignInText.Token(variables?.Token, EnvironmentSettings.TokenVariable),
                SignInText.Login(login, "-Credential") ?? SignInText.Login(variables?.Login, EnvironmentSettings.LoginVariable),
                password ?? variables?.Password,
                organizationId != Guid.Empty ? organizationId : variables?.OrganizationId ?? Guid.Empty);
        }

        private static LifePosEnvironment EnvironmentOf(Uri? address, string? environment, EnvironmentSettings? variables)
        {
            if (address != null)
            {
                return LifePosEnvironment.Custom;
            }

            if (environment != null)
            {
                // ValidateSet accepts any case ("test"), as PowerShell does; the parse must too.
                return (LifePosEnvironment)Enum.Parse(typeof(LifePosEnvironment), environment, ignoreCase: true);
            }

            return variables?.Environment ?? LifePosEnvironment.Production;
        }
    }
}
