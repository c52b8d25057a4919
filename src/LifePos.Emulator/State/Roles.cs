using System;
using LifePos.Emulator.Answers;
using LifePos.Emulator.Pipeline;

namespace LifePos.Emulator.State;

internal static class Roles
{
    public static readonly Role[] System = [Role.Owner, Role.Administrator, Role.Manager, Role.Cashier, Role.Courier, Role.Guest];

    /// <summary>A system role by name, any case.</summary>
    public static bool TryParse(string text, out Role role)
    {
        foreach (var candidate in System)
        {
            if (!candidate.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)) continue;
            role = candidate;
            return true;
        }
        role = default;
        return false;
    }

    /// <summary>The role's fixed GUID in an organization: derived from the organization and the role's name.</summary>
    public static Guid Guid(Guid organization, Role role) => Ids.Derive($"{organization:D}/role/{role}");

    public static Role? Find(Guid organization, Guid roleGuid)
    {
        foreach (var role in System)
            if (Guid(organization, role) == roleGuid) return role;
        return null;
    }

    /// <summary>
    /// Cashier, Courier and Guest have no API rights (only /me answers them); Manager and workplace tokens read but do
    /// not change; Owner and Administrator do everything.
    /// </summary>
    public static void Check(Role role, ApiRoute route)
    {
        if (role is Role.Cashier or Role.Courier or Role.Guest && route.Endpoint != "me")
            throw new ApiException(403, "NoPermissions", $"The {role} role has no API rights; only GET /orgs/{{org}}/me answers it.");
        if (role == Role.Workplace && route.Endpoint == "me")
            throw new ApiException(403, "NoPermissions", "A workplace token signs in no employee; /me needs an employee's token.");
        if (route.Changes && role is Role.Manager or Role.Workplace)
            throw new ApiException(403, "NoPermissions", $"The {role} role may read but not change.");
    }
}
