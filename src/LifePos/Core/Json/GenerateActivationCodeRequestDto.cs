using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    internal sealed class GenerateActivationCodeRequestDto
    {
        public ReferenceDto Employee { get; set; } = new ReferenceDto();

        public bool SendSms { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public ReferenceDto? Outlet { get; set; }
    }
}
