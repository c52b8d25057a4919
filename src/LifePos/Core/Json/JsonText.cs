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
    }
}
