using System;
using System.Net.Http;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary>Signing in with a login and password: by phone (<c>/auth/sign-in-by-phone</c>) or by user name (<c>/auth/sign-in</c>).</summary>
    internal sealed class AuthClient
    {
        private static readonly Regex PhoneLike = new Regex(@"^\+?[0-9\s\-()]{10,18}$", RegexOptions.CultureInvariant);

        private readonly ApiConnection _api;

        public AuthClient(ApiConnection api)
        {
            _api = api;
        }

        /// <summary>Signs in and returns the new token as a read-only SecureString.</summary>
        public async Task<SecureString> SignInAsync(ICredentialSignIn signIn, RequestContext context)
        {
            var login = signIn.Login.Trim();
            var byPhone = PhoneLike.IsMatch(login);
            var loginField = byPhone ? "phone" : "full_username";
            var request = new ApiRequest(HttpMethod.Post, byPhone ? "/auth/sign-in-by-phone" : "/auth/sign-in", RetryMode.Repeatable)
            {
                ContentType = JsonMedia.Json,
                Authenticated = false,
                ResponseHasSecrets = true,
                LoggedBody = "{\"" + loginField + "\":" + SecretJson.Quote(login) + ",\"password\":\"" + SecretRedactor.Mask + "\"" +
                             (byPhone ? string.Empty : ",\"response_type\":\"Token\"") + "}",
                Body = SecretJson.Write(signIn.Password, (writer, password) =>
                {
                    writer.WriteStartObject();
                    writer.WriteString(loginField, login);
                    writer.WriteString("password", password);
                    if (!byPhone)
                    {
                        writer.WriteString("response_type", "Token");
                    }

                    writer.WriteEndObject();
                }),
            };
            ApiResponse response;
            try
            {
                response = await _api.SendAsync(request, context).ConfigureAwait(false);
            }
            catch (LifePosApiException refused) when (refused.StatusCode is 400 or 401 or 403 or 404 or 422)
            {
                throw new LifePosAuthenticationException(
                    "LIFE POS refused the sign-in for '" + signIn.Login + "' (" + refused.StatusCode + " " + refused.ErrorCode +
                    (refused.ServerMessage is null ? string.Empty : ": " + refused.ServerMessage.TrimEnd('.')) +
                    "). Check the login and the password. (" + refused.Method + " " + refused.Path + ")",
                    refused.StatusCode, refused.ErrorCode, refused.ServerMessage, refused.Method, refused.Path, refused.Attempts, refused);
            }
            finally
            {
                Array.Clear(request.Body!, 0, request.Body!.Length);
            }

            var token = ResponseReader.ReadSecret(request, response, "token", "a sign-in answer with a token");
            if (token is not { Length: > 0 })
            {
                throw FailureMessages.InvalidResponse(request, response, "a sign-in answer with a token");
            }

            Array.Clear(response.Body, 0, response.Body.Length);
            return token;
        }
    }
}
