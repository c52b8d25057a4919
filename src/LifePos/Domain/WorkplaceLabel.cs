using System;

namespace LifePos.Domain
{
    /// <summary>How messages name a workplace: <c>Workplace 'Касса 1' (6f96…)</c>, or by id alone when the name is unknown.</summary>
    internal static class WorkplaceLabel
    {
        public static string Of(Guid id, string? name) =>
            string.IsNullOrEmpty(name) ? "Workplace " + id.ToString("D") : "Workplace '" + name + "' (" + id.ToString("D") + ")";

        public static string Of(Workplace workplace) => Of(workplace.Id, workplace.Name ?? "#" + workplace.Number);
    }
}
