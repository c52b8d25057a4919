using System;

namespace LifePos.Core.Json
{
    /// <summary>The wire workplace as the typed <see cref="Workplace"/> the cmdlets emit.</summary>
    internal static class WorkplaceMapper
    {
        public static Workplace ToWorkplace(WorkplaceDto wire, Guid organizationId)
        {
            var workplace = new Workplace
            {
                Id = wire.Guid,
                Number = wire.Number,
                Name = wire.Name,
                IsActivated = wire.ActivatedAt != null,
                ActivatedAt = wire.ActivatedAt,
                IsArchived = wire.DeletedAt != null,
                ArchivedAt = wire.DeletedAt,
                Extensions = wire.Extensions ?? new JsonMap(),
                Meta = wire.Meta,
                MetaData = wire.MetaData,
                OrganizationId = wire.Organization?.Guid ?? organizationId,
                CreatedAt = wire.CreatedAt,
                UpdatedAt = wire.UpdatedAt,
            };
            if (wire.Other != null)
            {
                foreach (var field in wire.Other)
                {
                    workplace.AdditionalFields[field.Key] = PlainJson.FromJson(field.Value);
                }
            }

            if (ParseWorkplaceType(wire.WorkplaceType) is { } type)
            {
                workplace.WorkplaceType = type;
            }
            else
            {
                // A type this module does not know: Unknown here, the service's word kept beside it.
                workplace.AdditionalFields["workplace_type"] = wire.WorkplaceType;
            }

            return workplace;
        }

        /// <summary>A documented name in any case, or its number (0–3); null for a name the module does not know.</summary>
        internal static WorkplaceType? ParseWorkplaceType(string? text)
        {
            // Runs once per listed workplace: a switch on the documented names first, not reflection over the enum.
            switch (text)
            {
                case "Mobile": return WorkplaceType.Mobile;
                case "Stationary": return WorkplaceType.Stationary;
                case "Automat": return WorkplaceType.Automat;
                case "Unknown": case null: return WorkplaceType.Unknown;
            }

            foreach (var name in Enum.GetNames(typeof(WorkplaceType)))
            {
                if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return (WorkplaceType)Enum.Parse(typeof(WorkplaceType), name);
                }
            }

            return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
                   Enum.IsDefined(typeof(WorkplaceType), number)
                ? (WorkplaceType)number
                : null;
        }
    }
}
