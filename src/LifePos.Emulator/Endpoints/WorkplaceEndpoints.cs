using System;
using System.Text.Json;

namespace LifePos.Emulator.Endpoints;

/// <summary>Workplaces: list, create, get, JSON Patch, archive, unarchive, deactivate and activation codes.</summary>
internal sealed class WorkplaceEndpoints(EmulatorState state, ListEndpoint lists)
{
    public static readonly ListResource Resource = ListResource.Of(ListKind.Workplaces, "WorkplaceList",
        ("number", OrderField.Key), ("workplace_type", OrderField.WorkplaceType), ("activated_at", OrderField.ActivatedAt));

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public ApiResult List(IncomingRequest request) => lists.List(request, Resource, request.Organization!.Workplaces);

    public ApiResult Create(IncomingRequest request, JsonElement body)
    {
        RequestBody.RequireObject(body);
        var type = WorkplaceRules.WorkplaceType(RequestBody.String(body, "workplace_type"));
        var name = WorkplaceRules.Text("name", RequestBody.String(body, "name"));
        var meta = WorkplaceRules.Text("meta", RequestBody.String(body, "meta"));
        var extensions = "{}";
        if (body.TryGetProperty("extensions", out var ext) && ext.ValueKind != JsonValueKind.Null)
        {
            if (ext.ValueKind != JsonValueKind.Object) throw ApiException.Invalid("extensions must be an object keyed by extension name.");
            foreach (var property in ext.EnumerateObject())
                if (property.Value.ValueKind != JsonValueKind.Object) throw ApiException.Invalid($"extensions.{property.Name} must be an object.");
            DeclaredExtensions.CheckCreate(request, ext);
            extensions = Json.Compact(ext);
        }
        var metaData = RequestBody.Object(body, "meta_data", "meta_data must be an object or null.");

        var organization = request.Organization!;
        var now = state.Clock.Now();
        WorkplaceItem created;
        lock (organization.Lock)
        {
            var number = organization.NextNumber();
            if (number == 0)
                throw new ApiException(422, "OperationCannotBePerformed", $"The organization already has {EmulatedOrganization.MaxNumber} workplaces.");
            created = organization.Workplaces.Add(new WorkplaceData(Guid.NewGuid(), number, name, type, null, organization.Id, extensions, meta, metaData, now, now, null));
        }
        state.NotifyChanged();
        return ApiResult.Item(created, request);
    }

    public static ApiResult Get(IncomingRequest request)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        WorkplaceItem workplace;
        lock (organization.Lock) workplace = Find(organization, id);
        return ApiResult.Item(workplace, request);
    }

    public ApiResult Update(IncomingRequest request, JsonElement patch)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        DeclaredExtensions.CheckPatch(request, patch);
        WorkplaceItem result;
        lock (organization.Lock)
        {
            var current = Find(organization, id);
            if (current.IsArchived) throw ArchivedError(id);
            var data = WorkplaceJsonPatch.Apply(current.Data, patch, state.Clock.Now());
            result = ReferenceEquals(data, current.Data) ? current : organization.Workplaces.Replace(current, data);
        }
        state.NotifyChanged();
        return ApiResult.Item(result, request);
    }

    public ApiResult Archive(IncomingRequest request) =>
        Change(request, (current, now) => current.IsArchived ? null : current.Data with { DeletedAt = now });

    public ApiResult Unarchive(IncomingRequest request) =>
        Change(request, (current, _) => current.IsArchived ? current.Data with { DeletedAt = null } : null);

    public ApiResult Deactivate(IncomingRequest request)
    {
        var result = Change(request, (current, _) =>
        {
            if (current.IsArchived) throw ArchivedError(current.Guid);
            return current.Data.ActivatedAt is null ? null : current.Data with { ActivatedAt = null };
        });
        state.Tokens.RevokeWorkplaceTokens(WorkplaceId(request));
        return result;
    }

    public ApiResult GenerateActivationCode(IncomingRequest request, JsonElement body)
    {
        RequestBody.RequireObject(body);
        var employeeId = RequestBody.Reference(body, "employee")
            ?? throw ApiException.Invalid("employee is required: {\"guid\": \"...\", \"type_of\": \"Employee\"}.");
        var outlet = RequestBody.Reference(body, "outlet");
        var sendSms = RequestBody.Bool(body, "send_sms");
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        string? phone;
        lock (organization.Lock)
        {
            if (Find(organization, id).IsArchived) throw ArchivedError(id);
            var employee = organization.Employees.Find(employeeId)
                ?? throw new ApiException(422, "ReferenceNotFound", $"Employee {employeeId} was not found in organization {organization.Id}.");
            if (outlet is { } outletId && organization.Outlets.Find(outletId) is null)
                throw new ApiException(422, "ReferenceNotFound", $"Outlet {outletId} was not found in organization {organization.Id}.");
            phone = employee.Data.Phone;
            if (sendSms && phone is null)
                throw new ApiException(422, "PhoneIsNotFound", $"Employee {employeeId} has no phone number to send the code to.");
        }
        var code = state.Activations.Create(organization.Id, id, employeeId, outlet, sendSms ? phone : null);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("activation_code", code);
            w.WriteEndObject();
        }));
    }

    public static WorkplaceItem Find(EmulatedOrganization organization, Guid id) =>
        organization.Workplaces.Find(id) ?? throw ApiException.NotFound($"Workplace {id} was not found.");

    public static ApiException ArchivedError(Guid id) =>
        new(422, "NotAllowedForArchived", $"Workplace {id} is archived; unarchive it first.");

    /// <summary>
    /// Applies a state change under the org lock (a null from <paramref name="change"/> means nothing to do) and answers
    /// as the answer style's actions choice says: the workplace, an empty 200, a 204 or {}.
    /// </summary>
    private ApiResult Change(IncomingRequest request, Func<WorkplaceItem, DateTimeOffset, WorkplaceData?> change)
    {
        var organization = request.Organization!;
        var id = WorkplaceId(request);
        WorkplaceItem result;
        bool changed;
        lock (organization.Lock)
        {
            var current = Find(organization, id);
            var data = change(current, state.Clock.Now());
            changed = data is not null;
            result = data is null ? current : organization.Workplaces.Replace(current, data);
        }
        if (changed) state.NotifyChanged();
        return request.Style.Actions switch
        {
            ActionAnswer.Empty200 => new ApiResult(200, ReadOnlyMemory<byte>.Empty, null, null),
            ActionAnswer.Empty204 => new ApiResult(204, ReadOnlyMemory<byte>.Empty, null, null),
            ActionAnswer.EmptyObject => ApiResult.Ok(EmptyObject),
            _ => ApiResult.Item(result, request),
        };
    }

    private static Guid WorkplaceId(IncomingRequest request) =>
        Guid.TryParse(request.Route.Id, out var id) ? id : throw ApiException.NotFound($"Workplace {request.Route.Id} was not found.");
}
