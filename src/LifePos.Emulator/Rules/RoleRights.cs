using System;
using System.Collections.Generic;

namespace LifePos.Emulator.Rules;

/// <summary>
/// Who may call a route (its row's callers): Owner and Administrator do everything; Manager and workplace tokens read but
/// do not change; Cashier, Courier and Guest have no API rights, but /me answers every employee, so a client can find
/// out its role (a workplace token is no employee).
/// </summary>
internal static class RoleRights
{
    /// <summary>The callers of a route that takes no token: it checks no role.</summary>
    public static readonly IReadOnlyList<Role> Anyone = Enum.GetValues<Role>();

    public static readonly IReadOnlyList<Role> Readers = [Role.Owner, Role.Administrator, Role.Manager, Role.Workplace];

    public static readonly IReadOnlyList<Role> Changers = [Role.Owner, Role.Administrator];

    public static readonly IReadOnlyList<Role> Employees = Roles.System;

    /// <summary>The 403 for a role that the route does not admit, saying what the role may do instead.</summary>
    public static ApiException Refusal(Role role, ApiRoute route) => role switch
    {
        Role.Cashier or Role.Courier or Role.Guest =>
            new(403, "NoPermissions", $"The {role} role has no API rights; only GET /orgs/{{org}}/me answers it."),
        // The one reading route that a workplace token may not call is /me.
        Role.Workplace when !route.ChangesState =>
            new(403, "NoPermissions", "A workplace token signs in no employee; /me needs an employee's token."),
        _ => new(403, "NoPermissions", $"The {role} role may read but not change."),
    };
}
