using System;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    internal sealed class OrganizationDto
    {
        [JsonRequired]
        public Guid Guid { get; set; }

        public string? Name { get; set; }
    }
}
