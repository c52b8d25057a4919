using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    // Lenient where the reference leaves room: numbers sent as strings, property names in any case, the dates
    // LenientDateConverter reads; unknown fields are ignored (or kept, where a type has an extension-data bag).
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = true,
        Converters = new[] { typeof(LenientDateConverter) })]
    [JsonSerializable(typeof(WorkplaceDto))]
    [JsonSerializable(typeof(ListDto<WorkplaceDto>))]
    [JsonSerializable(typeof(ListDto<OrganizationDto>))]
    [JsonSerializable(typeof(EmployeeDto))]
    [JsonSerializable(typeof(ListDto<EmployeeDto>))]
    [JsonSerializable(typeof(OutletDto))]
    [JsonSerializable(typeof(ListDto<OutletDto>))]
    [JsonSerializable(typeof(GenerateActivationCodeRequestDto))]
    [JsonSerializable(typeof(ActivateWorkplaceRequestDto))]
    [JsonSerializable(typeof(ActivateWorkplaceResponseDto))]
    internal sealed partial class LifePosJsonContext : JsonSerializerContext
    {
    }
}
