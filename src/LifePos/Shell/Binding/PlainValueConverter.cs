using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Domain;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// Converts what a user hands a cmdlet (hashtables, PSCustomObjects, JSON text from a CSV cell) into the plain .NET
    /// values the core sends, and JSON answers back into PSCustomObjects.
    /// </summary>
    internal static class PlainValueConverter
    {
        // The core's limit, so a value accepted here is one the module reads back.
        private const int MaxDepth = PlainJson.MaxDepth;

        // An answer holds values of up to MaxDepth inside its own levels (a page, an item): twice that leaves room for any
        // envelope, and still stops a deeper answer long before the stack ends.
        private const int AnswerDepth = 2 * PlainJson.MaxDepth;

        /// <summary>True when a CSV cell or argument carries nothing (null, empty or blank text).</summary>
        public static bool IsNotGiven(object? value)
        {
            var unwrapped = Unwrap(value);
            return unwrapped is null || (unwrapped is string text && text.Trim().Length == 0);
        }

        public static object? Unwrap(object? value) => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;

        /// <summary>
        /// A hashtable, PSObject or JSON text as plain values. JSON text must start with <c>{</c> or <c>[</c>; other
        /// text is kept as a string when <paramref name="allowPlainText"/>, else refused.
        /// </summary>
        public static object? FromUserValue(object? value, string parameterName, bool allowPlainText)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is string text)
            {
                var trimmed = text.Trim();
                if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
                {
                    return ParseJson(trimmed, parameterName);
                }

                if (allowPlainText)
                {
                    return text;
                }

                throw new InvalidInputException(
                    "-" + parameterName + " '" + Shorten(text) + "' is not JSON. Give a hashtable, an object, or JSON text such as {\"smart_pos\":{\"version\":\"1\"}}.");
            }

            return ToPlain(unwrapped, 0);
        }

        /// <summary>An object whose properties are objects (extension name → settings), as <c>-Extension</c> needs.</summary>
        public static IDictionary<string, object?> ToExtensions(object? value, string parameterName)
        {
            var plain = FromUserValue(value, parameterName, allowPlainText: false);
            if (!(plain is IDictionary<string, object?> extensions))
            {
                throw new InvalidInputException(
                    "-" + parameterName + " must be an object keyed by extension name, e.g. {\"smart_pos\":{\"version\":\"1\"}} or @{ smart_pos = @{ version = '1' } }.");
            }

            foreach (var pair in extensions)
            {
                // null removes the extension (as -RemoveExtension does).
                if (!(pair.Value is null || pair.Value is IDictionary<string, object?>))
                {
                    throw new InvalidInputException(
                        "-" + parameterName + ": the extension '" + pair.Key + "' must be an object of settings, e.g. @{ " + pair.Key + " = @{ turned_on = $true } }, " +
                        "or $null to remove it.");
                }
            }

            return extensions;
        }

        public static object? ParseJson(string json, string parameterName)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return PlainJson.FromJson(document.RootElement);
            }
            catch (JsonException exception)
            {
                throw new InvalidInputException(
                    "-" + parameterName + " is not valid JSON (" + FirstSentence(exception.Message) + "). Check the quotes and braces, e.g. {\"smart_pos\":{\"version\":\"1\"}}.");
            }
        }

        /// <summary>
        /// A JSON answer as PowerShell users expect it: PSCustomObjects, object arrays and scalars. A field that holds a
        /// secret (a token, password, API key, PIN hash) comes out as a read-only SecureString, never as plain text.
        /// </summary>
        /// <exception cref="JsonException">The answer is nested deeper than the module reads a value.</exception>
        public static object? ToPSValue(JsonElement element) => ToPSValue(element, 0);

        private static object? ToPSValue(JsonElement element, int depth)
        {
            if (depth > AnswerDepth)
            {
                throw PlainJson.TooDeep(AnswerDepth);
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        var value = SecretRedactor.IsSecretField(property.Name) ? Secret(property.Value) : ToPSValue(property.Value, depth + 1);
                        result.Properties.Add(new PSNoteProperty(property.Name, value));
                    }

                    return result;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (var item in element.EnumerateArray())
                    {
                        items.Add(ToPSValue(item, depth + 1));
                    }

                    return items.ToArray();
                default:
                    return PlainJson.FromJson(element);
            }
        }

        private static object? Secret(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    var secret = new SecureString();
                    foreach (var character in value.GetString() ?? string.Empty)
                    {
                        secret.AppendChar(character);
                    }

                    secret.MakeReadOnly();
                    return secret;
                default:
                    return SecretRedactor.Mask;
            }
        }

        private static object? ToPlain(object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidInputException("The value is nested more than " + MaxDepth + " levels deep; is it referring to itself?");
            }

            value = Unwrap(value);
            switch (value)
            {
                case null:
                    return null;
                case string or bool or long or decimal or double:
                    return value;
                case int or short or byte or sbyte or ushort or uint:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                case ulong unsigned:
                    return (decimal)unsigned;
                case float single:
                    return (double)single;
                case Guid guid:
                    return guid.ToString("D");
                case DateTime date:
                    return DateText(date);
                case DateTimeOffset dateOffset:
                    return DateText(dateOffset.DateTime) + dateOffset.ToString("zzz", CultureInfo.InvariantCulture);
                case Enum enumValue:
                    return enumValue.ToString();
                case JsonElement element:
                    return PlainJson.FromJson(element);
                case SwitchParameter switchParameter:
                    return switchParameter.IsPresent;
                case IDictionary dictionary:
                    var fromDictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        fromDictionary[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToPlain(entry.Value, depth + 1);
                    }

                    return fromDictionary;
                case PSObject custom:
                    var fromObject = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in custom.Properties)
                    {
                        if (property is PSNoteProperty || property is PSProperty)
                        {
                            fromObject[property.Name] = ToPlain(property.Value, depth + 1);
                        }
                    }

                    return fromObject;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence)
                    {
                        list.Add(ToPlain(item, depth + 1));
                    }

                    return list;
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end) : message.TrimEnd('.');
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

        /// <summary>
        /// ISO 8601 as JSON text usually has it, seconds and a fraction only when there is one, then Z (UTC) or the
        /// offset (local); no zone when the kind is unspecified. ConvertFrom-Json turns "2026-01-05T10:20:30" and
        /// "2026-01-05T10:20:30Z" into DateTime: they go back as the same text, so a JSON backup piped back changes nothing.
        /// </summary>
        private static string DateText(DateTime date)
        {
            var text = date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
            return date.Kind switch
            {
                DateTimeKind.Utc => text + "Z",
                DateTimeKind.Local => text + date.ToString("zzz", CultureInfo.InvariantCulture),
                _ => text,
            };
        }
    }
}
