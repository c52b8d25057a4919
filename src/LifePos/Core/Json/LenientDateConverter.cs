using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    /// <summary>
    /// Reads the dates LIFE POS may send: ISO 8601 with 0–7 fraction digits and <c>Z</c> or an offset (what
    /// System.Text.Json reads), also with a space for the <c>T</c> or without an offset (taken as UTC), and Unix time
    /// in seconds or milliseconds. Anything else is a JsonException, which the reader turns into InvalidResponse.
    /// </summary>
    internal sealed class LenientDateConverter : JsonConverter<DateTimeOffset>
    {
        // Past this, a Unix time is in milliseconds (year 5138 in seconds).
        private const double LargestSeconds = 1e11;

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.TryGetDateTimeOffset(out var iso))
                    {
                        return iso;
                    }

                    var text = reader.GetString();
                    if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        return parsed;
                    }

                    throw new JsonException("'" + ErrorBodyText(text) + "' is not a date.");
                case JsonTokenType.Number when reader.TryGetDouble(out var unix) && Math.Abs(unix) < 1e14:
                    return Math.Abs(unix) < LargestSeconds
                        ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unix * 1000))
                        : DateTimeOffset.FromUnixTimeMilliseconds((long)unix);
                default:
                    throw new JsonException("A date was expected, not " + reader.TokenType + ".");
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("o", CultureInfo.InvariantCulture));

        private static string ErrorBodyText(string? text) =>
            text is null ? string.Empty : text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
