using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    internal sealed class OutletDto
    {
        [JsonRequired]
        public Guid Guid { get; set; }

        public string? Name { get; set; }

        public string? Address { get; set; }

        public ReferenceDto? LegalEntity { get; set; }

        public string? Brand { get; set; }

        public ReferenceDto? Organization { get; set; }

        /// <summary>Read by <see cref="PlainObjectJsonConverter"/>: null when absent, null or not an object.</summary>
        [JsonConverter(typeof(PlainObjectJsonConverter))]
        public JsonMap? Extensions { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public DateTimeOffset? DeletedAt { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }
}
