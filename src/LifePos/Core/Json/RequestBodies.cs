using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace LifePos.Core.Json
{
    /// <summary>The JSON bodies the client sends that are not plain DTOs (they carry user values of any shape).</summary>
    internal static class RequestBodies
    {
        public static byte[] Create(WorkplaceCreateRequest body) => Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("workplace_type", body.WorkplaceType.ToString());
            if (body.Name != null)
            {
                writer.WriteString("name", body.Name);
            }

            if (body.Extensions != null)
            {
                writer.WritePropertyName("extensions");
                PlainJson.Write(writer, body.Extensions);
            }

            if (body.Meta != null)
            {
                writer.WriteString("meta", body.Meta);
            }

            if (body.MetaData != null)
            {
                writer.WritePropertyName("meta_data");
                PlainJson.Write(writer, body.MetaData);
            }

            writer.WriteEndObject();
        });

        public static byte[] Patch(IReadOnlyList<JsonPatchOperation> patch) => Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var operation in patch)
            {
                writer.WriteStartObject();
                writer.WriteString("op", operation.Op);
                writer.WriteString("path", operation.Path);
                if (operation.Op != "remove")
                {
                    writer.WritePropertyName("value");
                    PlainJson.Write(writer, operation.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

        private static byte[] Write(System.Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }

            return stream.ToArray();
        }
    }
}
