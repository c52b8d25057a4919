using System;
using System.Text.Json;

namespace LifePos.Core.Json
{
    /// <summary>Text from answers that may not hold any: JSON lets a string hold an escaped lone surrogate ("\uD800"), and a server may send bytes that are not UTF-8.</summary>
    internal static class JsonText
    {
        /// <summary>The string's text; null for any other kind of value and for a string no .NET string can hold.</summary>
        public static string? Of(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// An item's <c>guid</c> (or <c>id</c>) as the service wrote it, a string or a number; null when the value is no
        /// object or has neither.
        /// </summary>
        public static string? IdOf(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object || !(item.TryGetProperty("guid", out var id) || item.TryGetProperty("id", out id)))
            {
                return null;
            }

            return id.ValueKind switch
            {
                JsonValueKind.String => Of(id),
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            };
        }
    }
}
