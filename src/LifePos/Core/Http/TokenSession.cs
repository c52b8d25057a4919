using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// The connection's token: kept as a read-only SecureString, revealed only into one request's header. With a
    /// sign-in (login and password) it signs in when there is no token yet and once again when the service refuses
    /// the token; requests refused together share that one sign-in, and its failure.
    /// </summary>
    internal sealed class TokenSession : IDisposable
    {
        private readonly SemaphoreSlim _signInGate = new SemaphoreSlim(1, 1);
        private readonly Func<RequestContext, Task<SecureString>>? _signIn;
        private SecureString? _token;
        private int _generation;
        private FailedSignIn? _failedSignIn;
        private int _rawToken;
        private int _accepted;

        /// <param name="token">A token to start with (copied), or null.</param>
        /// <param name="signIn">Signs in and returns a new token; null when the connection has only a token.</param>
        public TokenSession(SecureString? token, Func<RequestContext, Task<SecureString>>? signIn)
        {
            _signIn = signIn;
            if (token != null)
            {
                SetToken(token.Copy());
            }
        }

        public bool CanSignIn => _signIn != null;

        public bool HasToken => Volatile.Read(ref _token) != null;

        /// <summary>Changes each time a new token is set, so a refused request knows whether someone signed in since.</summary>
        public int Generation => Volatile.Read(ref _generation);

        /// <summary>
        /// Sets the Authorization header (<c>Bearer</c>, or the raw token for a service that takes only that); the only
        /// moment the token exists as a string.
        /// </summary>
        public void Authorize(HttpRequestMessage message)
        {
            if (Volatile.Read(ref _token) is { } token)
            {
                if (Volatile.Read(ref _rawToken) == 0)
                {
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Reveal(token));
                }
                else
                {
                    message.Headers.TryAddWithoutValidation("Authorization", Reveal(token));
                }
            }
        }

        /// <summary>The service answered an authenticated request with anything but 401: the header form works.</summary>
        public void Accepted() => Volatile.Write(ref _accepted, 1);

        /// <summary>
        /// Public client code sends <c>Bearer</c>, older code the raw token: when the very first answers refuse the
        /// token, the raw form is tried once before the token is called bad. True while that is still possible.
        /// </summary>
        public bool RawTokenUntried => Volatile.Read(ref _accepted) == 0 && Volatile.Read(ref _rawToken) == 0;

        /// <summary>Switches to the raw token, once per connection and only before any answer accepted the header form. True when it switched.</summary>
        public bool TryRawToken() => Volatile.Read(ref _accepted) == 0 && Interlocked.CompareExchange(ref _rawToken, 1, 0) == 0;

        /// <summary>Signs in first when there is no token yet.</summary>
        public Task EnsureTokenAsync(RequestContext context)
        {
            if (HasToken)
            {
                return Task.CompletedTask;
            }

            if (_signIn is null)
            {
                throw new LifePosConfigurationException("The client has neither a token nor a login to sign in with; run Connect-LifePos.");
            }

            return RefreshAsync(Generation, context);
        }

        /// <summary>Signs in now and returns a read-only copy of the new token.</summary>
        public async Task<SecureString> SignInAsync(RequestContext context)
        {
            if (_signIn is null)
            {
                throw new LifePosConfigurationException("Signing in needs a login and password (-Credential).");
            }

            await _signInGate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                SetToken(await _signIn(context).ConfigureAwait(false));
            }
            finally
            {
                _signInGate.Release();
            }

            var copy = Volatile.Read(ref _token)!.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        /// <summary>Signs in again unless another request already did since <paramref name="failedGeneration"/>.</summary>
        public async Task RefreshAsync(int failedGeneration, RequestContext context)
        {
            await _signInGate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                if (Generation != failedGeneration && HasToken)
                {
                    return;
                }

                // A wrong password is tried once, not once per request: services lock accounts after a few.
                if (_failedSignIn is { } failed && failed.Generation == failedGeneration)
                {
                    throw failed.Error;
                }

                try
                {
                    SetToken(await _signIn!(context).ConfigureAwait(false));
                }
                catch (LifePosAuthenticationException error)
                {
                    _failedSignIn = new FailedSignIn(failedGeneration, error);
                    throw;
                }
            }
            finally
            {
                _signInGate.Release();
            }
        }

        public void Dispose() => _signInGate.Dispose();

        internal static string Reveal(SecureString secret)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return Marshal.PtrToStringUni(pointer, secret.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        private void SetToken(SecureString token)
        {
            if (token.Length == 0)
            {
                throw new LifePosConfigurationException("The token is empty.");
            }

            if (!token.IsReadOnly())
            {
                token.MakeReadOnly();
            }

            // The old token is not disposed: another request may be building its header from it right now.
            Volatile.Write(ref _token, token);
            Interlocked.Increment(ref _generation);
        }

        /// <summary>A sign-in the service refused, remembered for the token generation it was meant to replace.</summary>
        private sealed class FailedSignIn
        {
            public FailedSignIn(int generation, LifePosAuthenticationException error)
            {
                Generation = generation;
                Error = error;
            }

            public int Generation { get; }

            public LifePosAuthenticationException Error { get; }
        }
    }
}
