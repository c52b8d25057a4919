using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using LifePos.Emulator.Answers;
using LifePos.Emulator.Endpoints;
using LifePos.Emulator.Rules;
using LifePos.Emulator.State;

namespace LifePos.Emulator.Pipeline;

/// <summary>The LIFE POS v6 API: the checks every request passes, then the endpoint's handler.</summary>
internal sealed class ApiEndpoints
{
    private static readonly string[] ClientTypes = ["Unknown", "App", "WebApp", "Service"];
    private readonly EmulatorState _state;
    private readonly AuthEndpoints _auth;
    private readonly WorkplaceEndpoints _workplaces;
    private readonly EmployeeEndpoints _employees;
    private readonly OutletEndpoints _outlets;

    public ApiEndpoints(EmulatorState state)
    {
        _state = state;
        var lists = new ListEndpoint(state);
        _auth = new AuthEndpoints(state);
        _workplaces = new WorkplaceEndpoints(state, lists);
        _employees = new EmployeeEndpoints(state, lists);
        _outlets = new OutletEndpoints(lists);
    }

    /// <summary>Checks headers, token, rate limit, organization and role (<see cref="Roles.Check"/>), then runs the endpoint.</summary>
    public async ValueTask<ApiResult> HandleAsync(HttpContext http, ApiRoute route, AnswerStyle style)
    {
        var headers = http.Request.Headers;
        if (!Guid.TryParse(headers["X-LP-Client-Identifier"], out _))
            throw ApiException.Invalid("Header X-LP-Client-Identifier is required and must be a UUID.");
        var clientType = headers["X-LP-Client-Type"].ToString();
        if (Array.FindIndex(ClientTypes, t => t.Equals(clientType, StringComparison.OrdinalIgnoreCase)) < 0)
            throw ApiException.Invalid("Header X-LP-Client-Type is required and must be one of Unknown, App, WebApp, Service.");
        if (StringValues.IsNullOrEmpty(headers.AcceptLanguage) || string.IsNullOrWhiteSpace(headers.AcceptLanguage))
            throw ApiException.Invalid("Header Accept-Language is required (for example ru-RU or en-US).");

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
        if (route.Organization is not null)
        {
            if (!Guid.TryParse(route.Organization, out var orgId) || !_state.OrganizationsById.TryGetValue(orgId, out organization)
                || (token!.Organization is { } only && only != orgId))
                throw ApiException.NotFound($"Organization {route.Organization} was not found.");
        }
        if (token is not null) Roles.Check(token.Role, route);

        var request = new IncomingRequest(http, route, token, organization, style);
        return route.Endpoint switch
        {
            "orgs" => _auth.Organizations(request),
            "sign-in-by-phone" => _auth.SignInByPhone(await RequestBody.ReadAsync(http)),
            "sign-in" => _auth.SignIn(await RequestBody.ReadAsync(http)),
            "activate" => _auth.Activate(request, await RequestBody.ReadAsync(http)),
            "list" => _workplaces.List(request),
            "create" => _workplaces.Create(request, await RequestBody.ReadAsync(http)),
            "get" => WorkplaceEndpoints.Get(request),
            "update" => _workplaces.Update(request, await RequestBody.ReadAsync(http)),
            "archive" => _workplaces.Archive(request),
            "unarchive" => _workplaces.Unarchive(request),
            "deactivate" => _workplaces.Deactivate(request),
            "generate-activation-code" => _workplaces.GenerateActivationCode(request, await RequestBody.ReadAsync(http)),
            "employees" => _employees.List(request),
            "employee" => EmployeeEndpoints.Get(request),
            "create-employee" => _employees.Create(request, await RequestBody.ReadAsync(http)),
            "me" => EmployeeEndpoints.Me(request),
            "outlets" => _outlets.List(request),
            "outlet" => OutletEndpoints.Get(request),
            _ => throw ApiException.NotFound($"No route {route.Endpoint}."),
        };
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
