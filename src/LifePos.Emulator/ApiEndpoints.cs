using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LifePos.Emulator;

/// <summary>One matched API route: its stats key and the raw route values.</summary>
internal sealed record ApiRoute(string Endpoint, bool NeedsToken, bool Changes, string? Organization, string? Workplace);

/// <summary>The request as the handlers see it, after headers, token, rate limit and organization were checked.</summary>
internal sealed record ApiRequest(HttpContext Http, ApiRoute Route, TokenInfo? Token, Organization? Organization);

/// <summary>The LIFE POS v6 API: route matching and one handler per endpoint.</summary>
internal sealed class ApiEndpoints
{
    public static readonly string[] EndpointNames =
    [
        "orgs", "sign-in", "sign-in-by-phone", "list", "create", "get", "update", "archive", "unarchive", "deactivate",
        "generate-activation-code", "activate",
    ];

    private static readonly string[] ClientTypes = ["Unknown", "App", "WebApp", "Service"];
    private readonly EmulatorState _state;

    public ApiEndpoints(EmulatorState state) => _state = state;

    /// <summary>Matches a path (with or without /v6); null when no route has this path, methodAllowed false on a wrong method.</summary>
    public static ApiRoute? Match(string method, string path, out bool methodAllowed)
    {
        methodAllowed = true;
        if (path.StartsWith("/v6/", StringComparison.OrdinalIgnoreCase)) path = path[3..];
        if (path.Length > 1 && path.EndsWith('/')) path = path[..^1];
        var segments = path.Split('/');
        // segments[0] is the empty string before the leading slash.
        ApiRoute? Pick(string expected, ApiRoute route, out bool allowed)
        {
            allowed = HttpMethods.Equals(method, expected);
            return allowed ? route : null;
        }

        switch (segments.Length)
        {
            case 2 when segments[1] == "orgs":
                return Pick("GET", new ApiRoute("orgs", true, false, null, null), out methodAllowed);
            case 3 when segments[1] == "auth":
                var auth = segments[2] switch
                {
                    "sign-in-by-phone" => new ApiRoute("sign-in-by-phone", false, false, null, null),
                    "sign-in" => new ApiRoute("sign-in", false, false, null, null),
                    "activate-workplace" => new ApiRoute("activate", false, false, null, null),
                    _ => null,
                };
                return auth is null ? null : Pick("POST", auth, out methodAllowed);
            case 4 when segments[1] == "orgs" && segments[3] == "workplaces":
                if (HttpMethods.IsGet(method)) return new ApiRoute("list", true, false, segments[2], null);
                if (HttpMethods.IsPost(method)) return new ApiRoute("create", true, true, segments[2], null);
                methodAllowed = false;
                return null;
            case 5 when segments[1] == "orgs" && segments[3] == "workplaces":
                var org = segments[2];
                var last = segments[4];
                var colon = last.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    var action = last[(colon + 1)..] switch
                    {
                        "unarchive" => "unarchive",
                        "deactivate" => "deactivate",
                        "generate-activation-code" => "generate-activation-code",
                        _ => null,
                    };
                    return action is null ? null : Pick("POST", new ApiRoute(action, true, true, org, last[..colon]), out methodAllowed);
                }
                if (HttpMethods.IsGet(method)) return new ApiRoute("get", true, false, org, last);
                if (HttpMethods.IsPatch(method)) return new ApiRoute("update", true, true, org, last);
                if (HttpMethods.IsDelete(method)) return new ApiRoute("archive", true, true, org, last);
                methodAllowed = false;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Checks headers, token, rate limit, organization and role, then runs the endpoint.</summary>
    public async ValueTask<ApiResult> HandleAsync(HttpContext http, ApiRoute route)
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
            var raw = BearerToken(headers.Authorization.ToString());
            if (raw.Length == 0) throw new ApiException(401, "Unauthorized", "An Authorization: Bearer <token> header is required.");
            token = _state.Authenticate(raw) ?? throw new ApiException(401, "Unauthorized", "The token is unknown, expired or revoked; sign in again.");
            var rate = _state.Faults.RateLimit;
            if (rate > 0 && _state.RateLimiter.TryAcquire(raw, rate, _state.Clock.GetUtcNow()) is { } wait)
                throw new ApiException(429, "TooManyRequests", $"Too many requests per second for this token; retry after {wait} s.", wait);
        }

        Organization? organization = null;
        if (route.Organization is not null)
        {
            if (!Guid.TryParse(route.Organization, out var orgId) || !_state.OrganizationsById.TryGetValue(orgId, out organization)
                || (token!.Organization is { } only && only != orgId))
                throw ApiException.NotFound($"Organization {route.Organization} was not found.");
            if (route.Changes && token.Role is Role.Manager or Role.Workplace)
                throw new ApiException(403, "NoPermissions", "Your role may read workplaces but not change them.");
        }

        var request = new ApiRequest(http, route, token, organization);
        return route.Endpoint switch
        {
            "orgs" => Organizations(request),
            "sign-in-by-phone" => SignInByPhone(await ReadBodyAsync(http)),
            "sign-in" => SignIn(await ReadBodyAsync(http)),
            "list" => List(request),
            "create" => Create(request, await ReadBodyAsync(http)),
            "get" => Get(request),
            "update" => Update(request, await ReadBodyAsync(http)),
            "archive" => Archive(request),
            "unarchive" => Unarchive(request),
            "deactivate" => Deactivate(request),
            "generate-activation-code" => GenerateActivationCode(request, await ReadBodyAsync(http)),
            "activate" => Activate(http, await ReadBodyAsync(http)),
            _ => throw ApiException.NotFound($"No route {route.Endpoint}."),
        };
    }

    private static string BearerToken(string header)
    {
        header = header.Trim();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) header = header[7..].Trim();
        return header;
    }

    private static async ValueTask<JsonElement> ReadBodyAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.Invalid("The request body is missing or is not valid JSON.");
        }
    }

    private ApiResult Organizations(ApiRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            var count = 0;
            foreach (var organization in _state.Organizations)
            {
                if (request.Token!.Organization is { } only && only != organization.Id) continue;
                count++;
                writer.WriteStartObject();
                writer.WriteString("guid", organization.Id);
                writer.WriteString("name", organization.Name);
                writer.WriteString("type_of", "Organization");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            var includeTotal = ParseIncludeTotal(request.Http.Request.Query);
            WriteEnvelopeTail(writer, "", 1, 1, Math.Max(count, 1), includeTotal ? count : null, "OrganizationList");
        }
        return ApiResult.Ok(buffer.WrittenMemory);
    }

    private ApiResult SignInByPhone(JsonElement body)
    {
        var phone = StringField(body, "phone");
        var password = StringField(body, "password");
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

    private ApiResult SignIn(JsonElement body)
    {
        var username = StringField(body, "full_username");
        var password = StringField(body, "password");
        var responseType = StringField(body, "response_type");
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

    private ApiResult TokenAnswer(Account account)
    {
        var token = _state.IssueToken(new TokenInfo(account.Role, null, null));
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteEndObject();
        }));
    }

    private ApiResult List(ApiRequest request)
    {
        var organization = request.Organization!;
        var parameters = request.Http.Request.Query;
        var now = _state.Clock.GetUtcNow();
        var pageSize = 20;
        if (parameters.TryGetValue("items_per_page", out var perPage) && !StringValues.IsNullOrEmpty(perPage)
            && (!int.TryParse(perPage, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
            throw ApiException.Invalid($"items_per_page must be an integer from 1 to 100; got '{perPage}'.");
        var includeTotal = ParseIncludeTotal(parameters);
        if (parameters.TryGetValue("presentation", out var presentation) && !StringValues.IsNullOrEmpty(presentation)
            && presentation.ToString() is not ("compact" or "full"))
            throw ApiException.Invalid("presentation must be compact or full.");

        ListQuery query;
        PageCursor? cursor = null;
        var pageToken = parameters["page_token"].ToString();
        if (pageToken.Length > 0)
        {
            if (!_state.PageTokens.TryDecode(pageToken, now, out cursor) || cursor!.Organization != organization.Id)
                throw ApiException.Invalid("page_token is not valid: it is forged, altered, from another organization, or stale (older than an hour or from before a reset). Start again without it.");
            query = cursor.Query;
            includeTotal |= cursor.IncludeTotal;
        }
        else
        {
            var (field, descending) = ParseOrder(parameters["order_by"]);
            query = new ListQuery(ParseSelection(parameters["selection"]), field, descending, pageSize, ParseQuery(parameters["query"]));
        }

        ListPage page;
        lock (organization.Lock)
        {
            page = organization.List(query, cursor?.Snapshot, cursor?.Total, cursor?.After);
        }

        var pageNumber = cursor?.PageNumber ?? 1;
        var nextToken = "";
        if (page.HasMore && page.Items.Length > 0)
        {
            nextToken = _state.PageTokens.Encode(new PageCursor(organization.Id, query, includeTotal, pageNumber + 1, page.Snapshot,
                page.Total, Organization.KeyOf(query.Field, page.Items[^1]), now.ToUnixTimeSeconds()));
        }
        var pagesTotal = Math.Max(Math.Max(1, (page.Total + query.PageSize - 1) / query.PageSize), pageNumber);

        var size = 256 + nextToken.Length;
        foreach (var item in page.Items) size += item.Json.Length + 1;
        var buffer = new ArrayBufferWriter<byte>(size);
        using (var writer = new Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in page.Items) writer.WriteRawValue(item.Json, skipInputValidation: true);
            writer.WriteEndArray();
            WriteEnvelopeTail(writer, nextToken, pageNumber, pagesTotal, query.PageSize, includeTotal ? page.Total : null, "WorkplaceList");
        }
        return ApiResult.Ok(buffer.WrittenMemory);
    }

    private static void WriteEnvelopeTail(Utf8JsonWriter writer, string nextToken, int pageNumber, int pagesTotal, int perPage, int? total, string typeOf)
    {
        writer.WriteString("next_page_token", nextToken);
        writer.WriteNumber("page_number", pageNumber);
        writer.WriteNumber("pages_total", pagesTotal);
        writer.WriteNumber("items_per_page", perPage);
        if (total is { } t) writer.WriteNumber("items_total", t);
        else writer.WriteNull("items_total");
        writer.WriteString("type_of", typeOf);
        writer.WriteEndObject();
    }

    private static bool ParseIncludeTotal(IQueryCollection parameters)
    {
        var text = parameters["include_items_total"].ToString();
        if (text.Length == 0) return false;
        if (!bool.TryParse(text, out var include)) throw ApiException.Invalid("include_items_total must be true or false.");
        return include;
    }

    private static Selection ParseSelection(StringValues value) => value.ToString() switch
    {
        "" or "alive_only" => Selection.AliveOnly,
        "archived_only" => Selection.ArchivedOnly,
        "all" => Selection.All,
        var other => throw ApiException.Invalid($"selection must be alive_only, archived_only or all; got '{other}'."),
    };

    private static string? ParseQuery(StringValues value)
    {
        var text = value.ToString();
        if (text.Length > 64) throw ApiException.Invalid($"query must be at most 64 characters; got {text.Length}.");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
    }

    private static (OrderField Field, bool Descending) ParseOrder(StringValues value)
    {
        var text = value.ToString();
        if (text.Length == 0) return (OrderField.Number, false);
        var descending = text.EndsWith("_desc", StringComparison.Ordinal);
        if (!descending && !text.EndsWith("_asc", StringComparison.Ordinal))
            throw ApiException.Invalid($"order_by must be <field>_asc or <field>_desc; got '{text}'.");
        var field = text[..text.LastIndexOf('_')] switch
        {
            "number" => OrderField.Number,
            "created_at" => OrderField.CreatedAt,
            "updated_at" => OrderField.UpdatedAt,
            "name" => OrderField.Name,
            "workplace_type" => OrderField.WorkplaceType,
            "activated_at" => OrderField.ActivatedAt,
            _ => throw ApiException.Invalid($"order_by field must be created_at, updated_at, number, name, workplace_type or activated_at; got '{text}'."),
        };
        return (field, descending);
    }

    private ApiResult Create(ApiRequest request, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("The body must be a JSON object.");
        var type = WorkplaceRules.WorkplaceType(StringField(body, "workplace_type"));
        var name = WorkplaceRules.Text("name", StringField(body, "name"));
        var meta = WorkplaceRules.Text("meta", StringField(body, "meta"));
        var extensions = "{}";
        if (body.TryGetProperty("extensions", out var ext) && ext.ValueKind != JsonValueKind.Null)
        {
            if (ext.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("extensions must be an object keyed by extension name.");
            foreach (var property in ext.EnumerateObject())
                if (property.Value.ValueKind != JsonValueKind.Object) throw ApiException.Invalid($"extensions.{property.Name} must be an object.");
            extensions = Json.Compact(ext);
        }
        string? metaData = null;
        if (body.TryGetProperty("meta_data", out var md) && md.ValueKind != JsonValueKind.Null)
        {
            if (md.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("meta_data must be an object or null.");
            metaData = Json.Compact(md);
        }

        var organization = request.Organization!;
        var now = _state.Clock.Now();
        Workplace created;
        lock (organization.Lock)
        {
            var number = organization.NextNumber();
            if (number == 0)
                throw new ApiException(422, "OperationCannotBePerformed", $"The organization already has {Organization.MaxNumber} workplaces.");
            created = organization.Add(new WorkplaceData(Guid.NewGuid(), number, name, type, null, organization.Id, extensions, meta, metaData, now, now, null));
        }
        _state.NotifyChanged();
        return ApiResult.Ok(created.Json);
    }

    private static ApiResult Get(ApiRequest request)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        lock (organization.Lock) return ApiResult.Ok(Find(organization, id).Json);
    }

    private ApiResult Update(ApiRequest request, JsonElement patch)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        Workplace result;
        lock (organization.Lock)
        {
            var current = Find(organization, id);
            if (current.IsArchived) throw ArchivedError(id);
            var data = WorkplacePatch.Apply(current.Data, patch, _state.Clock.Now());
            result = ReferenceEquals(data, current.Data) ? current : organization.Replace(current, data);
        }
        _state.NotifyChanged();
        return ApiResult.Ok(result.Json);
    }

    private ApiResult Archive(ApiRequest request) =>
        Change(request, (current, now) => current.IsArchived ? null : current.Data with { DeletedAt = now });

    private ApiResult Unarchive(ApiRequest request) =>
        Change(request, (current, _) => current.IsArchived ? current.Data with { DeletedAt = null } : null);

    private ApiResult Deactivate(ApiRequest request)
    {
        var result = Change(request, (current, _) =>
        {
            if (current.IsArchived) throw ArchivedError(current.Guid);
            return current.Data.ActivatedAt is null ? null : current.Data with { ActivatedAt = null };
        });
        _state.RevokeWorkplaceTokens(WorkplaceId(request));
        return result;
    }

    /// <summary>Applies a state change under the org lock; a null from <paramref name="change"/> means nothing to do.</summary>
    private ApiResult Change(ApiRequest request, Func<Workplace, DateTimeOffset, WorkplaceData?> change)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        Workplace result;
        bool changed;
        lock (organization.Lock)
        {
            var current = Find(organization, id);
            var data = change(current, _state.Clock.Now());
            changed = data is not null;
            result = data is null ? current : organization.Replace(current, data);
        }
        if (changed) _state.NotifyChanged();
        return ApiResult.Ok(result.Json);
    }

    private ApiResult GenerateActivationCode(ApiRequest request, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("The body must be a JSON object.");
        var employee = ReferenceGuid(body, "employee")
            ?? throw ApiException.Invalid("employee is required: {\"guid\": \"...\", \"type_of\": \"Employee\"}.");
        var outlet = ReferenceGuid(body, "outlet");
        var outletTypeOf = body.TryGetProperty("outlet", out var o) && o.ValueKind == JsonValueKind.Object ? StringField(o, "type_of") ?? "Outlet" : "Outlet";
        var sendSms = false;
        if (body.TryGetProperty("send_sms", out var sms) && sms.ValueKind != JsonValueKind.Null)
        {
            if (sms.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw ApiException.Invalid("send_sms must be true or false.");
            sendSms = sms.GetBoolean();
        }
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        lock (organization.Lock)
        {
            if (Find(organization, id).IsArchived) throw ArchivedError(id);
        }
        var code = _state.CreateActivationCode(organization.Id, id, employee, outlet, outletTypeOf, sendSms);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("activation_code", code);
            w.WriteEndObject();
        }));
    }

    private ApiResult Activate(HttpContext http, JsonElement body)
    {
        var code = body.ValueKind == JsonValueKind.Object ? StringField(body, "activation_code") : null;
        if (code is null || code.Length is < 1 or > 8 || !IsDigits(code))
            throw ApiException.Invalid("activation_code is required: at most 8 digits.");
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var entry = _state.RedeemActivationCode(client, code, found =>
        {
            var organization = _state.OrganizationsById[found.Organization];
            lock (organization.Lock)
            {
                var current = Find(organization, found.Workplace);
                if (current.IsArchived) throw ArchivedError(found.Workplace);
                organization.Replace(current, current.Data with { ActivatedAt = _state.Clock.Now() });
            }
        });
        _state.NotifyChanged();
        var token = _state.IssueToken(new TokenInfo(Role.Workplace, entry.Organization, entry.Workplace));
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            Json.WriteReference(w, "workplace", entry.Workplace, "Workplace");
            Json.WriteReference(w, "organization", entry.Organization, "Organization");
            if (entry.Outlet is { } outlet) Json.WriteReference(w, "outlet", outlet, entry.OutletTypeOf);
            else w.WriteNull("outlet");
            Json.WriteReference(w, "employee", entry.Employee, "Employee");
            w.WriteString("token", token);
            w.WriteEndObject();
        }));
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static Guid WorkplaceId(ApiRequest request) =>
        Guid.TryParse(request.Route.Workplace, out var id) ? id : throw ApiException.NotFound($"Workplace {request.Route.Workplace} was not found.");

    private static Workplace Find(Organization organization, Guid id) =>
        organization.Find(id) ?? throw ApiException.NotFound($"Workplace {id} was not found.");

    private static ApiException ArchivedError(Guid id) =>
        new(422, "NotAllowedForArchived", $"Workplace {id} is archived; unarchive it first.");

    private static string? StringField(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw ApiException.Invalid($"{name} must be a string.");
        return value.GetString();
    }

    private static Guid? ReferenceGuid(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var reference) || reference.ValueKind == JsonValueKind.Null) return null;
        if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("guid", out var guid)
            || guid.ValueKind != JsonValueKind.String || !Guid.TryParse(guid.GetString(), out var id))
            throw ApiException.Invalid($"{name} must be a reference {{\"guid\": \"...\", \"type_of\": \"...\"}}.");
        return id;
    }
}
