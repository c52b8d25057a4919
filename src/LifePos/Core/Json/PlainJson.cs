using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace LifePos.Core.Json
{
    /// <summary>
    /// Converts JSON to plain .NET values and back without loss: objects become <see cref="JsonMap"/> (a
    /// dictionary with ordinal keys, order kept), arrays <see cref="JsonList"/>, numbers
    /// <see cref="long"/> when integral, else <see cref="decimal"/> (keeps the written digits), else <see cref="double"/>.
    /// </summary>
    public static class PlainJson
    {
        /// <summary>
        /// How deep a value (meta_data, extensions, a field of an answer) may nest, written or read: the same limit both
        /// ways, so whatever the module sends it reads back.
        /// </summary>
        internal const int MaxDepth = 64;

        /// <summary>
        /// How deep a whole answer may nest: far deeper than a value, because a list page adds its own levels and an item
        /// too deep for <see cref="MaxDepth"/> must fail alone, not make its page unreadable. Answers are parsed without
        /// recursion (a few bytes a level); only values are read recursively, and those stop at <see cref="MaxDepth"/>.
        /// </summary>
        internal const int AnswerMaxDepth = 10000;

        /// <summary>
        /// Text as people read it (Cyrillic stays Cyrillic), escaping only what JSON must: for CSV cells and the journal.
        /// A property, not a static field: a struct-typed static field would load System.Text.Json together with this
        /// public type, which Windows PowerShell loads before the module initializer has registered the resolver.
        /// </summary>
        internal static JsonWriterOptions Readable => new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>Converts a JSON value to plain .NET values.</summary>
        public static object? FromJson(JsonElement element) => FromJson(element, 0);

        /// <summary>Parses JSON text to plain .NET values; throws <see cref="JsonException"/> on bad JSON.</summary>
        public static object? Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }

        /// <summary>
        /// Reads the JSON value the reader stands on (its first token) into the same plain values as
        /// <see cref="FromJson(JsonElement)"/>, leaving the reader on the value's last token. Straight from the tokens,
        /// so an answer's nested values cost no <see cref="JsonDocument"/> each.
        /// </summary>
        internal static object? FromReader(ref Utf8JsonReader reader) => FromReader(ref reader, 0);

        /// <summary>Converts a JSON object to a plain dictionary; anything else gives an empty one.</summary>
        public static JsonMap ObjectFromJson(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object ? (JsonMap)FromJson(element, 0)! : new JsonMap();

        /// <summary>Writes plain .NET values (see <see cref="WorkplaceCreateRequest"/>) as compact JSON text.</summary>
        public static string Serialize(object? value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Readable))
            {
                Write(writer, value);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>
        /// Writes a plain .NET value: null, string, char, bool, integral and floating numbers, decimal, Guid, dates,
        /// enums (by name), <see cref="JsonElement"/>, <see cref="JsonDocument"/>, any <see cref="IDictionary"/> or
        /// <see cref="IDictionary{TKey,TValue}"/> with string keys, and any <see cref="IEnumerable"/>.
        /// </summary>
        public static void Write(Utf8JsonWriter writer, object? value) => Write(writer, value, 0);

        /// <summary>
        /// True when two plain values hold the same JSON: objects with the same members (in any order), arrays with
        /// the same items in order, numbers of equal value whatever their .NET type, strings compared exactly.
        /// </summary>
        public static bool DeepEquals(object? left, object? right)
        {
            switch (left)
            {
                case null:
                    return right is null;
                case string text:
                    return right is string other && string.Equals(text, other, StringComparison.Ordinal);
                case bool flag:
                    return right is bool otherFlag && flag == otherFlag;
                case IDictionary<string, object?> map:
                    if (!(right is IDictionary<string, object?> otherMap) || map.Count != otherMap.Count)
                    {
                        return false;
                    }

                    foreach (var pair in map)
                    {
                        if (!otherMap.TryGetValue(pair.Key, out var value) || !DeepEquals(pair.Value, value))
                        {
                            return false;
                        }
                    }

                    return true;
                case IList<object?> list:
                    if (!(right is IList<object?> otherList) || list.Count != otherList.Count)
                    {
                        return false;
                    }

                    for (var index = 0; index < list.Count; index++)
                    {
                        if (!DeepEquals(list[index], otherList[index]))
                        {
                            return false;
                        }
                    }

                    return true;
                case long or decimal or double:
                    return right is long or decimal or double && NumbersEqual(left, right);
                default:
                    return Equals(left, right);
            }
        }

        private static bool NumbersEqual(object left, object right)
        {
            if (left is double || right is double)
            {
                return Convert.ToDouble(left, CultureInfo.InvariantCulture).Equals(Convert.ToDouble(right, CultureInfo.InvariantCulture));
            }

            return Convert.ToDecimal(left, CultureInfo.InvariantCulture) == Convert.ToDecimal(right, CultureInfo.InvariantCulture);
        }

        private static object? FromJson(JsonElement element, int depth)
        {
            if (depth > MaxDepth)
            {
                throw TooDeep(MaxDepth);
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new JsonMap();
                    foreach (var property in element.EnumerateObject())
                    {
                        map[property.Name] = FromJson(property.Value, depth + 1);
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new JsonList(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray())
                    {
                        list.Add(FromJson(item, depth + 1));
                    }

                    return list;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Number:
                    return NumberFromJson(element);
                default:
                    return null;
            }
        }

        private static object NumberFromJson(JsonElement element)
        {
            if (element.TryGetInt64(out var integral))
            {
                return integral;
            }

            var text = element.GetRawText();
            if (text.IndexOfAny(new[] { 'e', 'E' }) < 0 && element.TryGetDecimal(out var exact))
            {
                return exact;
            }

            return element.GetDouble();
        }

        // The reader's twin of FromJson(JsonElement, int): the same depth rule, key rule (a repeated key keeps its first
        // place and its last value) and numbers.
        private static object? FromReader(ref Utf8JsonReader reader, int depth)
        {
            if (depth > MaxDepth)
            {
                throw TooDeep(MaxDepth);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var map = new JsonMap();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        map[name] = FromReader(ref reader, depth + 1);
                    }

                    return map;
                case JsonTokenType.StartArray:
                    var list = new JsonList();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(FromReader(ref reader, depth + 1));
                    }

                    return list;
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number:
                    return NumberFromReader(ref reader);
                default:
                    return null;
            }
        }

        private static object NumberFromReader(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out var integral))
            {
                return integral;
            }

            ReadOnlySpan<byte> text = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            if (text.IndexOfAny((byte)'e', (byte)'E') < 0 && reader.TryGetDecimal(out var exact))
            {
                return exact;
            }

            return reader.GetDouble();
        }

        internal static JsonException TooDeep(int limit) => new JsonException("The JSON is nested more than " + limit + " levels deep.");

        private static void Write(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException("The value is nested more than " + MaxDepth + " levels deep (or refers to itself).");
            }

            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string text:
                    writer.WriteStringValue(text);
                    return;
                case char character:
                    writer.WriteStringValue(character.ToString());
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case JsonElement element:
                    element.WriteTo(writer);
                    return;
                case JsonDocument document:
                    document.RootElement.WriteTo(writer);
                    return;
                case Guid guid:
                    writer.WriteStringValue(guid.ToString("D"));
                    return;
                case DateTimeOffset moment:
                    writer.WriteStringValue(moment.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTime dateTime:
                    writer.WriteStringValue(dateTime.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case Enum enumeration:
                    writer.WriteStringValue(enumeration.ToString());
                    return;
                case decimal exact:
                    writer.WriteNumberValue(exact);
                    return;
                case double real:
                    WriteFinite(writer, real);
                    return;
                case float single:
                    WriteFinite(writer, single);
                    return;
                case ulong large:
                    writer.WriteNumberValue(large);
                    return;
                case byte or sbyte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    return;
                case IDictionary<string, object?> generic:
                    writer.WriteStartObject();
                    foreach (var pair in generic)
                    {
                        writer.WritePropertyName(pair.Key);
                        Write(writer, pair.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    return;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    foreach (var item in sequence)
                    {
                        Write(writer, item, depth + 1);
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    throw new ArgumentException(
                        "A value of type " + value.GetType().FullName + " cannot be sent as JSON; use a hashtable, an array, a string, a number or a boolean.");
            }
        }

        private static void WriteFinite(Utf8JsonWriter writer, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException("JSON has no NaN or infinity; got " + value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            writer.WriteNumberValue(value);
        }
    }
}
