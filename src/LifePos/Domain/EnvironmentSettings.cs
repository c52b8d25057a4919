using System;
using System.Security;

namespace LifePos.Domain
{
    /// <summary>
    /// Connect-LifePos -FromEnvironment: the sign-in of a scheduled job from its environment, without a secret in any
    /// script. LIFEPOS_TOKEN, or LIFEPOS_LOGIN and LIFEPOS_PASSWORD; optionally LIFEPOS_BASE_URI or
    /// LIFEPOS_ENVIRONMENT, and LIFEPOS_ORGANIZATION_ID. A missing or malformed variable is named; a value never is.
    /// </summary>
    internal sealed class EnvironmentSettings
    {
        public const string TokenVariable = "LIFEPOS_TOKEN";
        public const string LoginVariable = "LIFEPOS_LOGIN";
        public const string PasswordVariable = "LIFEPOS_PASSWORD";
        public const string BaseUriVariable = "LIFEPOS_BASE_URI";
        public const string EnvironmentVariable = "LIFEPOS_ENVIRONMENT";
        public const string OrganizationVariable = "LIFEPOS_ORGANIZATION_ID";

        private EnvironmentSettings()
        {
        }

        public SecureString? Token { get; private set; }

        public string? Login { get; private set; }

        public SecureString? Password { get; private set; }

        public Uri? BaseUri { get; private set; }

        public LifePosEnvironment? Environment { get; private set; }

        public Guid? OrganizationId { get; private set; }

        /// <param name="variable">Reads one environment variable; null or empty means not set.</param>
        public static EnvironmentSettings Read(Func<string, string?> variable)
        {
            var settings = new EnvironmentSettings();
            var token = Value(variable, TokenVariable);
            var login = Value(variable, LoginVariable);
            var password = Value(variable, PasswordVariable);
            if (token != null)
            {
                settings.Token = Secure(token);
            }
            else if (login != null)
            {
                settings.Login = login.Trim();
                settings.Password = Secure(password ?? throw new InvalidInputException(
                    LoginVariable + " is set but " + PasswordVariable + " is not. Set " + PasswordVariable + " (or " + TokenVariable + " instead of both)."));
            }
            else
            {
                throw new InvalidInputException(
                    "-FromEnvironment needs " + TokenVariable + ", or " + LoginVariable + " and " + PasswordVariable + "; none of them is set in this process's environment.");
            }

            if (Value(variable, BaseUriVariable) is { } baseUri)
            {
                settings.BaseUri = Uri.TryCreate(baseUri.Trim(), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidInputException(BaseUriVariable + " is not an absolute URL such as https://api.life-pos.ru.");
            }
            else if (Value(variable, EnvironmentVariable) is { } environment)
            {
                settings.Environment = environment.Trim().Equals("Production", StringComparison.OrdinalIgnoreCase) ? LifePosEnvironment.Production
                    : environment.Trim().Equals("Test", StringComparison.OrdinalIgnoreCase) ? LifePosEnvironment.Test
                    : throw new InvalidInputException(EnvironmentVariable + " must be Production or Test.");
            }

            if (Value(variable, OrganizationVariable) is { } organization)
            {
                settings.OrganizationId = Guid.TryParse(organization.Trim(), out var id)
                    ? id
                    : throw new InvalidInputException(OrganizationVariable + " is not a GUID such as 9d5f1c2a-0000-4000-8000-000000000001.");
            }

            return settings;
        }

        private static string? Value(Func<string, string?> variable, string name) => variable(name) is { Length: > 0 } value ? value : null;

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var character in text)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
