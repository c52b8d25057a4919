using System;

namespace LifePos.Emulator.State.Items;

internal static class WorkplaceTypes
{
    public static readonly string[] All = ["Unknown", "Mobile", "Stationary", "Automat"];

    public static string? Normalize(string? text)
    {
        foreach (var type in All)
            if (string.Equals(type, text, StringComparison.OrdinalIgnoreCase)) return type;
        return null;
    }
}
