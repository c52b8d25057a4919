using System;
using System.Security;

namespace LifePos.Core
{
    /// <summary>Login and password for <c>/auth/sign-in</c> (e-mail, user name) or <c>/auth/sign-in-by-phone</c>.</summary>
    public interface ICredentialSignIn
    {
        string Login { get; }

        SecureString Password { get; }
    }

    /// <summary>A plain <see cref="ICredentialSignIn"/>; the password stays a read-only <see cref="SecureString"/>.</summary>
    public sealed class CredentialSignIn : ICredentialSignIn
    {
        public CredentialSignIn(string login, SecureString password)
        {
            if (string.IsNullOrWhiteSpace(login))
            {
                throw new ArgumentException("The login must not be empty.", nameof(login));
            }

            Login = login;
            Password = password ?? throw new ArgumentNullException(nameof(password));
        }

        public string Login { get; }

        public SecureString Password { get; }

        public override string ToString() => Login;
    }
}
