namespace LifePos.Core.Json
{
    internal sealed class ActivateWorkplaceRequestDto
    {
        public string ActivationCode { get; set; } = string.Empty;
    }
}
