using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Pipeline;

/// <summary>
/// The API's route table, one row per route; every route answers with and without the /v6 prefix. Matching, dispatch,
/// stats names, fault targets (next_endpoint) and role checks all read these rows.
/// </summary>
internal static class ApiRoutes
{
    private const bool Token = true, NoToken = false, Changes = true, Reads = false;

    public static readonly ApiRoute[] All =
    [
        new("GET", "/orgs", RouteName.Orgs, Token, Reads, RoleRights.Readers, Plain((e, r) => e.Auth.Organizations(r))),
        new("POST", "/auth/sign-in", RouteName.SignIn, NoToken, Reads, RoleRights.Anyone, WithBody((e, _, body) => e.Auth.SignIn(body))),
        new("POST", "/auth/sign-in-by-phone", RouteName.SignInByPhone, NoToken, Reads, RoleRights.Anyone,
            WithBody((e, _, body) => e.Auth.SignInByPhone(body))),
        new("GET", "/orgs/{org}/workplaces", RouteName.List, Token, Reads, RoleRights.Readers, Plain((e, r) => e.Workplaces.List(r))),
        new("POST", "/orgs/{org}/workplaces", RouteName.Create, Token, Changes, RoleRights.Changers,
            WithBody((e, r, body) => e.Workplaces.Create(r, body))),
        new("GET", "/orgs/{org}/workplaces/{id}", RouteName.Get, Token, Reads, RoleRights.Readers, Plain((_, r) => WorkplaceEndpoints.Get(r))),
        new("PATCH", "/orgs/{org}/workplaces/{id}", RouteName.Update, Token, Changes, RoleRights.Changers,
            WithBody((e, r, patch) => e.Workplaces.Update(r, patch))),
        new("DELETE", "/orgs/{org}/workplaces/{id}", RouteName.Archive, Token, Changes, RoleRights.Changers,
            Plain((e, r) => e.Workplaces.Archive(r))),
        new("POST", "/orgs/{org}/workplaces/{id}:unarchive", RouteName.Unarchive, Token, Changes, RoleRights.Changers,
            Plain((e, r) => e.Workplaces.Unarchive(r))),
        new("POST", "/orgs/{org}/workplaces/{id}:deactivate", RouteName.Deactivate, Token, Changes, RoleRights.Changers,
            Plain((e, r) => e.Workplaces.Deactivate(r))),
        new("POST", "/orgs/{org}/workplaces/{id}:generate-activation-code", RouteName.GenerateActivationCode, Token, Changes, RoleRights.Changers,
            WithBody((e, r, body) => e.Workplaces.GenerateActivationCode(r, body))),
        new("POST", "/auth/activate-workplace", RouteName.Activate, NoToken, Changes, RoleRights.Anyone,
            WithBody((e, r, body) => e.Auth.Activate(r, body))),
        new("GET", "/orgs/{org}/employees", RouteName.Employees, Token, Reads, RoleRights.Readers, Plain((e, r) => e.Employees.List(r))),
        new("GET", "/orgs/{org}/employees/{id}", RouteName.Employee, Token, Reads, RoleRights.Readers, Plain((_, r) => EmployeeEndpoints.Get(r))),
        new("POST", "/orgs/{org}/employees", RouteName.CreateEmployee, Token, Changes, RoleRights.Changers,
            WithBody((e, r, body) => e.Employees.Create(r, body))),
        new("GET", "/orgs/{org}/me", RouteName.Me, Token, Reads, RoleRights.Employees, Plain((_, r) => EmployeeEndpoints.Me(r))),
        new("GET", "/orgs/{org}/outlets", RouteName.Outlets, Token, Reads, RoleRights.Readers, Plain((e, r) => e.Outlets.List(r))),
        new("GET", "/orgs/{org}/outlets/{id}", RouteName.Outlet, Token, Reads, RoleRights.Readers, Plain((_, r) => OutletEndpoints.Get(r))),
    ];

    // Where a collection has actions ({id}:action), a colon in its {id} segment starts one: /workplaces/x:nonsense is no route.
    private static readonly HashSet<string> TemplatesWithActions =
        All.Where(r => r.Template.Contains(':', StringComparison.Ordinal)).Select(r => r.Template[..r.Template.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();

    /// <summary>Every route's key, in table order.</summary>
    public static IEnumerable<string> Keys => All.Select(r => r.Key);

    /// <summary>The route with this key (exact case), or null.</summary>
    public static ApiRoute? Find(string key) => Array.Find(All, r => r.Key == key);

    /// <summary>Matches a path; null when no route has this path, methodAllowed false when routes have it but not this method.</summary>
    public static RouteMatch? Match(string method, string path, out bool methodAllowed)
    {
        if (path.StartsWith("/v6/", StringComparison.OrdinalIgnoreCase)) path = path[3..];
        if (path.Length > 1 && path.EndsWith('/')) path = path[..^1];
        var segments = path.Split('/');
        var pathKnown = false;
        foreach (var row in All)
        {
            if (!row.Fits(segments, TemplatesWithActions.Contains(row.Template), out var organization, out var id)) continue;
            pathKnown = true;
            if (!HttpMethods.Equals(method, row.Method)) continue;
            methodAllowed = true;
            return new RouteMatch(row, organization, id);
        }
        methodAllowed = !pathKnown;
        return null;
    }

    private static RouteHandler Plain(Func<ApiEndpoints, IncomingRequest, ApiResult> handle) =>
        (endpoints, request) => ValueTask.FromResult(handle(endpoints, request));

    private static RouteHandler WithBody(Func<ApiEndpoints, IncomingRequest, JsonElement, ApiResult> handle) =>
        async (endpoints, request) => handle(endpoints, request, await RequestBody.ReadAsync(request.Http));
}
