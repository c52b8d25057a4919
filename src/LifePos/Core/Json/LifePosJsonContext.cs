using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifePos.Core.Json
{
    // Lenient where the reference leaves room: numbers sent as strings, property names in any case, the dates
    // LenientDateConverter reads; unknown fields are ignored (or kept, where a type has an extension-data bag). A list
    // page's items are read as elements, then each on its own: an item too deep or of the wrong shape fails alone.
    [JsonSourceGenerationOptions(
        MaxDepth = PlainJson.AnswerMaxDepth,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = true,
        Converters = new[] { typeof(LenientDateConverter) })]
    [JsonSerializable(typeof(WorkplaceDto))]
    [JsonSerializable(typeof(ListDto<JsonElement>))]
    [JsonSerializable(typeof(OrganizationDto))]
    [JsonSerializable(typeof(EmployeeDto))]
    [JsonSerializable(typeof(OutletDto))]
    [JsonSerializable(typeof(GenerateActivationCodeRequestDto))]
    [JsonSerializable(typeof(ActivateWorkplaceRequestDto))]
    [JsonSerializable(typeof(ActivateWorkplaceResponseDto))]
    internal sealed partial class LifePosJsonContext : JsonSerializerContext
    {
    }
}
