using System;
using System.Text.Json;

namespace LifePos.Emulator.Endpoints;

/// <summary>Who may do what: /orgs, sign-in by phone or username, and workplace activation.</summary>
internal sealed class AuthEndpoints
{
    private readonly EmulatorState _state;

    public AuthEndpoints(EmulatorState state) => _state = state;

    public ApiResult Organizations(IncomingRequest request)
    {
        var includeTotal = ListEndpoint.IncludeTotal(request.Http.Request.Query);
        var reachable = Array.FindAll(_state.Organizations, o => request.Token!.Organization is not { } only || only == o.Id);
        return ListEndpoint.Envelope(request.Style, 512, reachable.Length, writer =>
        {
            foreach (var organization in reachable)
            {
                writer.WriteStartObject();
                writer.WriteString("guid", organization.Id);
                writer.WriteString("name", organization.Name);
                writer.WriteString("type_of", "Organization");
                writer.WriteEndObject();
            }
        }, new PageInfo("", 1, 1, Math.Max(reachable.Length, 1), includeTotal ? reachable.Length : null, "OrganizationList"));
    }

    public ApiResult SignInByPhone(JsonElement body)
    {
        var phone = RequestBody.String(body, "phone");
        var password = RequestBody.String(body, "password");
        if (phone is null || phone.Length is < 10 or > 18 || !Account.LooksLikePhone(phone))
            throw ApiException.Invalid("phone is required: a phone number of 10 to 18 characters, for example +79990000000.");
        if (password is null || password.Length is < 6 or > 32)
            throw ApiException.Invalid("password is required: 6 to 32 characters.");
        var digits = Account.PhoneDigits(phone);
        foreach (var account in _state.Accounts)
        {
            if (account.IsPhone && Account.PhoneDigits(account.Login) == digits && account.Password == password)
                return TokenAnswer(account);
        }
        throw new ApiException(401, "Unauthorized", "Wrong phone or password.");
    }

    public ApiResult SignIn(JsonElement body)
    {
        var username = RequestBody.String(body, "full_username");
        var password = RequestBody.String(body, "password");
        var responseType = RequestBody.String(body, "response_type");
        if (string.IsNullOrWhiteSpace(username)) throw ApiException.Invalid("full_username is required.");
        if (string.IsNullOrEmpty(password)) throw ApiException.Invalid("password is required.");
        if (responseType is not null && responseType is not ("Token" or "Session"))
            throw ApiException.Invalid("response_type must be Token or Session.");
        foreach (var account in _state.Accounts)
        {
            if (!account.IsPhone && account.Login.Equals(username, StringComparison.OrdinalIgnoreCase) && account.Password == password)
                return TokenAnswer(account);
        }
        throw new ApiException(401, "Unauthorized", "Wrong username or password.");
    }

    public ApiResult Activate(IncomingRequest request, JsonElement body)
    {
        var http = request.Http;
        var code = body.ValueKind == JsonValueKind.Object ? RequestBody.String(body, "activation_code") : null;
        if (code is null || code.Length is < 1 or > 8 || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
            throw ApiException.Invalid("activation_code is required: at most 8 digits.");
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var entry = _state.Activations.Redeem(client, code, found =>
        {
            var organization = _state.OrganizationsById[found.Organization];
            lock (organization.Lock)
            {
                var current = WorkplaceEndpoints.Find(organization, found.Workplace);
                if (current.IsArchived) throw WorkplaceEndpoints.ArchivedError(found.Workplace);
                organization.Workplaces.Replace(current, current.Data with { ActivatedAt = _state.Clock.Now() });
            }
        });
        _state.NotifyChanged();
        var withToken = request.Style.Activation == ActivationAnswer.Token;
        var token = withToken ? _state.Tokens.Issue(new TokenInfo(Role.Workplace, entry.Organization, entry.Workplace, null)) : null;
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            Json.WriteReference(w, "workplace", entry.Workplace, "Workplace");
            Json.WriteReference(w, "organization", entry.Organization, "Organization");
            if (entry.Outlet is { } outlet) Json.WriteReference(w, "outlet", outlet, "Outlet");
            else w.WriteNull("outlet");
            Json.WriteReference(w, "employee", entry.Employee, "Employee");
            if (token is not null) w.WriteString("token", token);
            w.WriteEndObject();
        }));
    }

    private ApiResult TokenAnswer(Account account)
    {
        var token = _state.Tokens.Issue(new TokenInfo(account.Role, null, null, Staff.Identity(account)));
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteEndObject();
        }));
    }
}
