using System;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Pipeline;

/// <summary>The API's routes: each path with and without the /v6 prefix.</summary>
internal static class ApiRoutes
{
    public static readonly string[] EndpointNames =
    [
        "orgs", "sign-in", "sign-in-by-phone", "list", "create", "get", "update", "archive", "unarchive", "deactivate",
        "generate-activation-code", "activate", "employees", "employee", "create-employee", "me", "outlets",
        "outlet",
    ];

    /// <summary>Matches a path; null when no route has this path, methodAllowed false on a wrong method.</summary>
    public static ApiRoute? Match(string method, string path, out bool methodAllowed)
    {
        methodAllowed = true;
        if (path.StartsWith("/v6/", StringComparison.OrdinalIgnoreCase)) path = path[3..];
        if (path.Length > 1 && path.EndsWith('/')) path = path[..^1];
        var segments = path.Split('/');
        // segments[0] is the empty string before the leading slash.
        switch (segments.Length)
        {
            case 2 when segments[1] == "orgs":
                return Pick(method, out methodAllowed, ("GET", new ApiRoute("orgs", true, false, null, null)));
            case 3 when segments[1] == "auth":
                var auth = segments[2] switch
                {
                    "sign-in-by-phone" => new ApiRoute("sign-in-by-phone", false, false, null, null),
                    "sign-in" => new ApiRoute("sign-in", false, false, null, null),
                    "activate-workplace" => new ApiRoute("activate", false, false, null, null),
                    _ => null,
                };
                return auth is null ? null : Pick(method, out methodAllowed, ("POST", auth));
            case 4 when segments[1] == "orgs" && segments[3] == "workplaces":
                return Pick(method, out methodAllowed,
                    ("GET", new ApiRoute("list", true, false, segments[2], null)),
                    ("POST", new ApiRoute("create", true, true, segments[2], null)));
            case 4 when segments[1] == "orgs" && segments[3] == "employees":
                return Pick(method, out methodAllowed,
                    ("GET", new ApiRoute("employees", true, false, segments[2], null)),
                    ("POST", new ApiRoute("create-employee", true, true, segments[2], null)));
            case 4 when segments[1] == "orgs" && segments[3] == "me":
                return Pick(method, out methodAllowed, ("GET", new ApiRoute("me", true, false, segments[2], null)));
            case 4 when segments[1] == "orgs" && segments[3] == "outlets":
                return Pick(method, out methodAllowed, ("GET", new ApiRoute("outlets", true, false, segments[2], null)));
            case 5 when segments[1] == "orgs" && segments[3] == "workplaces":
                return Workplace(method, segments[2], segments[4], out methodAllowed);
            case 5 when segments[1] == "orgs" && segments[3] == "employees":
                return Pick(method, out methodAllowed, ("GET", new ApiRoute("employee", true, false, segments[2], segments[4])));
            case 5 when segments[1] == "orgs" && segments[3] == "outlets":
                return Pick(method, out methodAllowed, ("GET", new ApiRoute("outlet", true, false, segments[2], segments[4])));
            default:
                return null;
        }
    }

    private static ApiRoute? Workplace(string method, string org, string last, out bool methodAllowed)
    {
        var colon = last.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return Pick(method, out methodAllowed,
                ("GET", new ApiRoute("get", true, false, org, last)),
                ("PATCH", new ApiRoute("update", true, true, org, last)),
                ("DELETE", new ApiRoute("archive", true, true, org, last)));
        }
        methodAllowed = true;
        var action = last[(colon + 1)..];
        if (action is not ("unarchive" or "deactivate" or "generate-activation-code")) return null;
        return Pick(method, out methodAllowed, ("POST", new ApiRoute(action, true, true, org, last[..colon])));
    }

    private static ApiRoute? Pick(string method, out bool methodAllowed, params ReadOnlySpan<(string Method, ApiRoute Route)> choices)
    {
        foreach (var (expected, route) in choices)
        {
            if (!HttpMethods.Equals(method, expected)) continue;
            methodAllowed = true;
            return route;
        }
        methodAllowed = false;
        return null;
    }
}
