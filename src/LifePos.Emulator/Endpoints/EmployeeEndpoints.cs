using System;
using System.Text.Json;

namespace LifePos.Emulator.Endpoints;

/// <summary>Employees: list, get, create, and /me (the employee the token signs in as).</summary>
internal sealed class EmployeeEndpoints(EmulatorState state, ListEndpoint lists)
{
    public static readonly ListResource Resource = ListResource.Of(ListKind.Employees, "EmployeeList");

    public ApiResult List(IncomingRequest request) => lists.List(request, Resource, request.Organization!.Employees);

    public static ApiResult Get(IncomingRequest request)
    {
        var organization = request.Organization!;
        var id = Guid.TryParse(request.Route.Id, out var guid) ? guid : throw ApiException.NotFound($"Employee {request.Route.Id} was not found.");
        EmployeeItem employee;
        lock (organization.Lock) employee = Find(organization, id);
        return ApiResult.Item(employee, request);
    }

    public ApiResult Create(IncomingRequest request, JsonElement body)
    {
        var organization = request.Organization!;
        var candidate = EmployeeRules.Parse(body, organization.Id, state.Clock.Now());
        EmployeeItem created;
        lock (organization.Lock)
        {
            EmployeeRules.CheckUnique(organization.Employees, candidate);
            created = organization.Employees.Add(candidate with { Key = organization.Employees.NextKey() });
        }
        return ApiResult.Item(created, request);
    }

    /// <summary>GET /orgs/{org}/me: include_permissions is accepted (true or false) and no permissions are listed.</summary>
    public static ApiResult Me(IncomingRequest request)
    {
        var text = request.Http.Request.Query["include_permissions"].ToString();
        if (text.Length > 0 && !bool.TryParse(text, out _)) throw ApiException.Invalid("include_permissions must be true or false.");
        var organization = request.Organization!;
        EmployeeItem me;
        lock (organization.Lock) me = Find(organization, Staff.EmployeeGuid(organization.Id, request.Token!.Employee!));
        return ApiResult.Item(me, request);
    }

    private static EmployeeItem Find(EmulatedOrganization organization, Guid id) =>
        organization.Employees.Find(id) ?? throw ApiException.NotFound($"Employee {id} was not found.");
}
