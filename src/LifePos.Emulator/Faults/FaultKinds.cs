using System;

namespace LifePos.Emulator.Faults;

internal static class FaultKinds
{
    private static readonly (string Name, FaultKind Kind)[] Names =
    [
        ("500", FaultKind.Status500), ("502", FaultKind.Status502), ("503", FaultKind.Status503),
        ("504", FaultKind.Status504), ("429", FaultKind.Status429), ("drop-before", FaultKind.DropBefore),
        ("drop-after", FaultKind.DropAfter), ("html", FaultKind.Html), ("empty", FaultKind.Empty),
        ("truncated", FaultKind.Truncated), ("bad-shape", FaultKind.BadShape), ("hang", FaultKind.Hang),
        ("stall-body", FaultKind.StallBody), ("deep-item", FaultKind.DeepItem), ("bad-item", FaultKind.BadItem),
    ];

    public static string AllNames => string.Join(", ", Array.ConvertAll(Names, n => n.Name));

    public static bool TryParse(string text, out FaultKind kind)
    {
        foreach (var (name, value) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                kind = value;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string Name(FaultKind kind) => Names[(int)kind].Name;
}
