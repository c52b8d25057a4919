using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    /// <summary>
    /// A JSON object (<c>extensions</c>) read straight into a <see cref="JsonMap"/>; any other value is skipped and
    /// reads as null, which the mappers turn into an empty map, as they did for a value that was not an object.
    /// </summary>
    internal sealed class PlainObjectJsonConverter : JsonConverter<JsonMap?>
    {
        public override JsonMap? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }

            return (JsonMap)PlainJson.FromReader(ref reader)!;
        }

        public override void Write(Utf8JsonWriter writer, JsonMap? value, JsonSerializerOptions options) => PlainJson.Write(writer, value);
    }
}
