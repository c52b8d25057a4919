using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    internal sealed class EmployeeDto
    {
        [JsonRequired]
        public Guid Guid { get; set; }

        public string? Name { get; set; }

        public string? Username { get; set; }

        public string? Phone { get; set; }

        public RoleDto? Role { get; set; }

        public string? Inn { get; set; }

        public string? Email { get; set; }

        public ReferenceDto? Organization { get; set; }

        public string? Meta { get; set; }

        [JsonConverter(typeof(PlainValueJsonConverter))]
        public object? MetaData { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public DateTimeOffset? DeletedAt { get; set; }

        /// <summary>Every other field, pin_code_hash among them: the mapper keeps what is not a secret.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; set; }
    }
}
