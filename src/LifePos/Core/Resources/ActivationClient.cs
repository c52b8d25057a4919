using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary>Activation codes (<c>:generate-activation-code</c>) and activating a workplace with one.</summary>
    internal sealed class ActivationClient
    {
        private readonly ApiConnection _api;

        public ActivationClient(ApiConnection api)
        {
            _api = api;
        }

        /// <remarks>
        /// Without an SMS a lost answer is safe to ask again (an extra code harms nobody); with one it is asked again
        /// only when the request certainly was not carried out, so nobody gets two messages.
        /// </remarks>
        public async Task<string> GenerateCodeAsync(
            Guid organizationId, Guid workplaceId, Guid employeeId, Guid? outletId, bool sendSms, RequestContext context)
        {
            var body = new GenerateActivationCodeRequestDto
            {
                Employee = new ReferenceDto(employeeId, "Employee"),
                SendSms = sendSms,
                Outlet = outletId is { } outlet ? new ReferenceDto(outlet, "Outlet") : null,
            };
            var request = new ApiRequest(
                HttpMethod.Post,
                "/v6" + WorkplacesClient.Path(organizationId, workplaceId) + ":generate-activation-code",
                sendSms ? RetryMode.OnlyIfNotActed : RetryMode.Repeatable)
            {
                Body = JsonSerializer.SerializeToUtf8Bytes(body, LifePosJsonContext.Default.GenerateActivationCodeRequestDto),
                ContentType = JsonMedia.Json,
                MayHaveHappened = "An activation code may have been generated and sent by SMS",

                // The code lets anyone activate a till with this workplace: it goes to the output, not to a -Debug transcript.
                ResponseHasSecrets = true,
            };
            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("activation_code", out var code))
                {
                    var text = code.ValueKind switch
                    {
                        JsonValueKind.String => code.GetString(),
                        JsonValueKind.Number => code.GetRawText(),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(text))
                    {
                        return text!;
                    }
                }
            }
            catch (Exception error) when (error is JsonException || error is InvalidOperationException)
            {
                // InvalidOperationException: a code in bytes that are not UTF-8 (or an escaped lone surrogate) is no text.
                throw FailureMessages.InvalidResponse(request, response, "an activation code", error);
            }

            throw FailureMessages.InvalidResponse(request, response, "an activation code");
        }

        public async Task<WorkplaceActivation> ActivateAsync(string activationCode, RequestContext context)
        {
            if (string.IsNullOrWhiteSpace(activationCode))
            {
                throw new ArgumentException("The activation code must not be empty.", nameof(activationCode));
            }

            var request = new ApiRequest(HttpMethod.Post, "/v6/auth/activate-workplace", RetryMode.OnlyIfNotActed)
            {
                Body = JsonSerializer.SerializeToUtf8Bytes(
                    new ActivateWorkplaceRequestDto { ActivationCode = activationCode.Trim() },
                    LifePosJsonContext.Default.ActivateWorkplaceRequestDto),
                ContentType = JsonMedia.Json,
                Authenticated = false,
                ResponseHasSecrets = true,
                MayHaveHappened = "The workplace may have been activated (the code is then used up)",
            };
            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            var answer = ResponseReader.Parse(request, response, LifePosJsonContext.Default.ActivateWorkplaceResponseDto, "an activation answer");
            if (answer.Workplace is null)
            {
                // "workplace": null satisfies [JsonRequired]: the field is there, the workplace is not.
                throw FailureMessages.InvalidResponse(request, response, "an activation answer naming the workplace");
            }

            var token = ResponseReader.ReadSecret(request, response, "token", "an activation answer with a token");

            // The seed article shows a token in the answer, the v6 reference's schema none: both mean activated.
            Array.Clear(response.Body, 0, response.Body.Length);
            return new WorkplaceActivation(
                answer.Workplace.Guid, answer.Organization?.Guid ?? Guid.Empty, answer.Outlet?.Guid, answer.Employee?.Guid, token);
        }
    }
}
