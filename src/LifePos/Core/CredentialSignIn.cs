using System;
using System.Security;

namespace LifePos.Core
{
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
