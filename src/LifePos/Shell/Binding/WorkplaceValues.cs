using System;
using System.Collections.Generic;
using System.Linq;

namespace LifePos.Shell.Binding
{
    /// <summary>The -Extension and -MetaData values New- and Set-LifePosWorkplace take (hashtables, objects or JSON text), as plain values.</summary>
    internal static class WorkplaceValues
    {
        /// <summary>The extensions given, keyed by name; null when the value is empty (not given).</summary>
        public static IDictionary<string, object?>? Extensions(object? value) =>
            PlainValueConverter.IsNotGiven(value) ? null : PlainValueConverter.ToExtensions(value, "Extension");

        /// <summary>False when the value is empty (not given); otherwise the meta data as plain values.</summary>
        public static bool MetaData(object? value, out object? metaData)
        {
            metaData = PlainValueConverter.IsNotGiven(value) ? null : PlainValueConverter.FromUserValue(value, "MetaData", allowPlainText: true);
            return !PlainValueConverter.IsNotGiven(value);
        }

        /// <summary>Field names given as an array or as one cell listing them ("Meta;MetaData" or "Meta, MetaData").</summary>
        public static IReadOnlyCollection<string> FieldList(string[]? given) =>
            (given ?? Array.Empty<string>())
                .SelectMany(item => (item ?? string.Empty).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                .Select(name => name.Trim())
                .Where(name => name.Length > 0)
                .ToArray();
    }
}
