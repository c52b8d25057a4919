using System;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    /// <summary>A <c>{guid, type_of}</c> reference.</summary>
    internal sealed class ReferenceDto
    {
        public ReferenceDto()
        {
        }

        public ReferenceDto(Guid guid, string typeOf)
        {
            Guid = guid;
            TypeOf = typeOf;
        }

        [JsonRequired]
        public Guid Guid { get; set; }

        public string? TypeOf { get; set; }
    }
}
