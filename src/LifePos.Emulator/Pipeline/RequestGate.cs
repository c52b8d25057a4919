using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LifePos.Emulator.Pipeline;

/// <summary>
/// The checks every API request passes before its handler, in this order: the headers, the token, the rate limit, the
/// organization, and the caller's role against the route's row.
/// </summary>
internal sealed class RequestGate
{
    private static readonly string[] ClientTypes = ["Unknown", "App", "WebApp", "Service"];
    private readonly EmulatorState _state;

    public RequestGate(EmulatorState state) => _state = state;

    /// <summary>The request as the handlers see it; throws the <see cref="ApiException"/> of the first check that fails.</summary>
    public IncomingRequest Admit(HttpContext http, RouteMatch match, AnswerStyle style)
    {
        var headers = http.Request.Headers;
        if (!Guid.TryParse(headers["X-LP-Client-Identifier"], out _))
            throw ApiException.Invalid("Header X-LP-Client-Identifier is required and must be a UUID.");
        var clientType = headers["X-LP-Client-Type"].ToString();
        if (Array.FindIndex(ClientTypes, t => t.Equals(clientType, StringComparison.OrdinalIgnoreCase)) < 0)
            throw ApiException.Invalid("Header X-LP-Client-Type is required and must be one of Unknown, App, WebApp, Service.");
        if (StringValues.IsNullOrEmpty(headers.AcceptLanguage) || string.IsNullOrWhiteSpace(headers.AcceptLanguage))
            throw ApiException.Invalid("Header Accept-Language is required (for example ru-RU or en-US).");

        var route = match.Row;
        TokenInfo? token = null;
        if (route.NeedsToken)
        {
            var raw = Token(headers.Authorization.ToString(), style.Auth);
            token = _state.Tokens.Authenticate(raw) ?? throw new ApiException(401, "Unauthorized", "The token is unknown, expired or revoked; sign in again.");
            var rate = _state.Faults.RateLimit;
            if (rate > 0 && _state.RateLimit.TryAcquire(raw, rate, _state.Clock.GetUtcNow()) is { } wait)
                throw new ApiException(429, "TooManyRequests", $"Too many requests per second for this token; retry after {wait} s.", wait);
        }

        EmulatedOrganization? organization = null;
        if (match.Organization is not null)
        {
            if (!Guid.TryParse(match.Organization, out var orgId) || !_state.OrganizationsById.TryGetValue(orgId, out organization)
                || (token!.Organization is { } only && only != orgId))
                throw ApiException.NotFound($"Organization {match.Organization} was not found.");
        }
        if (token is not null && !route.Callers.Contains(token.Role)) throw RoleRights.Refusal(token.Role, route);
        return new IncomingRequest(http, match, token, organization, style);
    }

    /// <summary>The token of "Bearer token" or of a raw token, as far as the answer style's auth choice accepts the form.</summary>
    private static string Token(string header, AuthForms accepted)
    {
        header = header.Trim();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var token = bearer ? header[7..].Trim() : header;
        if (token.Length == 0) throw new ApiException(401, "Unauthorized", "An Authorization: Bearer <token> header is required.");
        if (accepted == AuthForms.Bearer && !bearer)
            throw new ApiException(401, "Unauthorized", "Send the token as Authorization: Bearer <token>.");
        if (accepted == AuthForms.Raw && bearer)
            throw new ApiException(401, "Unauthorized", "Send the token alone in Authorization, without Bearer.");
        return token;
    }
}
