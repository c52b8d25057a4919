using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    internal sealed class WorkplaceDto
    {
        [JsonRequired]
        public Guid Guid { get; set; }

        public string? TypeOf { get; set; }

        [JsonRequired]
        public int Number { get; set; }

        public string? Name { get; set; }

        public string? WorkplaceType { get; set; }

        public DateTimeOffset? ActivatedAt { get; set; }

        public ReferenceDto? Organization { get; set; }

        /// <summary>Read by <see cref="PlainObjectJsonConverter"/>: null when absent, null or not an object.</summary>
        [JsonConverter(typeof(PlainObjectJsonConverter))]
        public JsonMap? Extensions { get; set; }

        public string? Meta { get; set; }

        [JsonConverter(typeof(PlainValueJsonConverter))]
        public object? MetaData { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset? DeletedAt { get; set; }

        /// <summary>Fields this module does not know; kept on the workplace.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }
}
