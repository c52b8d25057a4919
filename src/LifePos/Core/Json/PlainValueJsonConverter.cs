using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    /// <summary>
    /// Free JSON (<c>meta_data</c>) read straight into plain values (<see cref="PlainJson.FromReader(ref Utf8JsonReader)"/>): the same
    /// values <see cref="PlainJson.FromJson(JsonElement)"/> gives, without a <see cref="JsonDocument"/> per item. A JSON
    /// null never reaches it: the serializer sets null itself.
    /// </summary>
    internal sealed class PlainValueJsonConverter : JsonConverter<object?>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => PlainJson.FromReader(ref reader);

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => PlainJson.Write(writer, value);
    }
}
