using System;

namespace LifePos.Emulator.State;

/// <summary>The six system roles of every organization: their names and their GUIDs.</summary>
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
}
