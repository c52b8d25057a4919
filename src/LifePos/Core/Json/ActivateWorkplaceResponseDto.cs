using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    /// <summary>The activation answer without its token (read separately straight into a SecureString).</summary>
    internal sealed class ActivateWorkplaceResponseDto
    {
        [JsonRequired]
        public ReferenceDto Workplace { get; set; } = new ReferenceDto();

        public ReferenceDto? Organization { get; set; }

        public ReferenceDto? Outlet { get; set; }

        public ReferenceDto? Employee { get; set; }
    }
}
