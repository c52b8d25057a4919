using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Core.Json
{
    /// <summary>The wire workplace as the typed <see cref="Workplace"/> the cmdlets emit.</summary>
    internal static class WorkplaceMapper
    {
        public static Workplace ToWorkplace(WorkplaceDto wire, Guid organizationId) => new Workplace
        {
            Id = wire.Guid,
            Number = wire.Number,
            Name = wire.Name,
            WorkplaceType = ParseWorkplaceType(wire.WorkplaceType),
            IsActivated = wire.ActivatedAt != null,
            ActivatedAt = wire.ActivatedAt,
            IsArchived = wire.DeletedAt != null,
            ArchivedAt = wire.DeletedAt,
            Extensions = wire.Extensions is { ValueKind: JsonValueKind.Object } extensions
                ? PlainJson.ObjectFromJson(extensions)
                : new Dictionary<string, object?>(StringComparer.Ordinal),
            Meta = wire.Meta,
            MetaData = wire.MetaData is { } metaData ? PlainJson.FromJson(metaData) : null,
            OrganizationId = wire.Organization?.Guid ?? organizationId,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.UpdatedAt,
        };

        // Runs once per listed workplace: a switch on the documented names, not reflection over the enum.
        private static WorkplaceType ParseWorkplaceType(string? text)
        {
            switch (text)
            {
                case "Mobile": return WorkplaceType.Mobile;
                case "Stationary": return WorkplaceType.Stationary;
                case "Automat": return WorkplaceType.Automat;
                case "Unknown": case null: return WorkplaceType.Unknown;
            }

            return Enum.TryParse<WorkplaceType>(text, ignoreCase: true, out var type) && Enum.IsDefined(typeof(WorkplaceType), type)
                ? type
                : WorkplaceType.Unknown;
        }
    }
}
