using System.Collections.Generic;
using System.Linq;
using LifePos.Core.Json;

namespace LifePos.Domain
{
    /// <summary>Field changes as a person reads them: <c>Name: 'Касса 1' → 'Касса 2'; Meta: (none) → 'moscow'</c>.</summary>
    internal static class ChangeText
    {
        public static string Describe(IEnumerable<FieldChange> changes) => string.Join("; ", changes.Select(Describe));

        public static string Describe(FieldChange change) => change.Field + ": " + Value(change.OldValue) + " → " + Value(change.NewValue);

        /// <summary>The values set, when what is there now is not known (a create, or an update read later): <c>Name = 'X'</c>.</summary>
        public static string Values(IEnumerable<FieldChange> changes) =>
            string.Join("; ", changes.Select(change => change.Field + " = " + Value(change.NewValue)));

        /// <summary>What exists against what was asked for: <c>WorkplaceType is 'Stationary', the row says 'Mobile'</c>.</summary>
        public static string Differences(IEnumerable<FieldChange> changes) =>
            string.Join("; ", changes.Select(change => change.Field + " is " + Value(change.OldValue) + ", the row says " + Value(change.NewValue)));

        public static string Value(object? value) => value switch
        {
            null => "(none)",
            string text => "'" + text + "'",
            _ => PlainJson.Serialize(value),
        };
    }
}
