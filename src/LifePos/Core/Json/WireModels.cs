using System;
using System.Collections.Generic;
using System.Text.Json;
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

    /// <summary>The list envelope every list answers with; only <c>items</c> and <c>next_page_token</c> matter, and both may be missing.</summary>
    internal sealed class ListDto<T>
    {
        public List<T>? Items { get; set; }

        public string? NextPageToken { get; set; }

        public int? PageNumber { get; set; }

        public int? PagesTotal { get; set; }

        public int? ItemsPerPage { get; set; }

        public long? ItemsTotal { get; set; }
    }

    internal sealed class OrganizationDto
    {
        [JsonRequired]
        public Guid Guid { get; set; }

        public string? Name { get; set; }
    }

    /// <summary>A role reference; the emulator (and maybe the service) adds the role's name.</summary>
    internal sealed class RoleDto
    {
        public Guid Guid { get; set; }

        public string? Name { get; set; }
    }

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

    internal sealed class GenerateActivationCodeRequestDto
    {
        public ReferenceDto Employee { get; set; } = new ReferenceDto();

        public bool SendSms { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public ReferenceDto? Outlet { get; set; }
    }

    internal sealed class ActivateWorkplaceRequestDto
    {
        public string ActivationCode { get; set; } = string.Empty;
    }

    /// <summary>The activation answer without its token (read separately straight into a SecureString).</summary>
    internal sealed class ActivateWorkplaceResponseDto
    {
        [JsonRequired]
        public ReferenceDto Workplace { get; set; } = new ReferenceDto();

        public ReferenceDto? Organization { get; set; }

        public ReferenceDto? Outlet { get; set; }

        public ReferenceDto? Employee { get; set; }
    }

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
