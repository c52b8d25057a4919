using System.Security;

namespace LifePos.Core
{
    /// <summary>Login and password for <c>/auth/sign-in</c> (e-mail, user name) or <c>/auth/sign-in-by-phone</c>.</summary>
    public interface ICredentialSignIn
    {
        string Login { get; }

        SecureString Password { get; }
    }
}
