using System;
using System.Globalization;

namespace LifePos.Core.Json
{
    /// <summary>The wire workplace as the typed <see cref="Workplace"/> the cmdlets emit.</summary>
    internal static class WorkplaceMapper
    {
        private static readonly KnownType[] KnownTypes = ReadKnownTypes();

        public static Workplace ToWorkplace(WorkplaceDto wire, Guid organizationId)
        {
            var workplace = new Workplace(wire.Extensions ?? new JsonMap())
            {
                Id = wire.Guid,
                Number = wire.Number,
                Name = wire.Name,
                IsActivated = wire.ActivatedAt != null,
                ActivatedAt = wire.ActivatedAt?.LocalDateTime,
                IsArchived = wire.DeletedAt != null,
                ArchivedAt = wire.DeletedAt?.LocalDateTime,
                Meta = wire.Meta,
                MetaData = wire.MetaData,
                OrganizationId = wire.Organization?.Guid ?? organizationId,
                CreatedAt = wire.CreatedAt.LocalDateTime,
                UpdatedAt = wire.UpdatedAt.LocalDateTime,
                FieldsUnknown = wire.Extensions is null,
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
            // Runs once per listed workplace: a switch on the documented names first, then the names and numbers read
            // from the enum once, never reflection per call.
            switch (text)
            {
                case "Mobile": return WorkplaceType.Mobile;
                case "Stationary": return WorkplaceType.Stationary;
                case "Automat": return WorkplaceType.Automat;
                case "Unknown": case null: return WorkplaceType.Unknown;
            }

            var trimmed = text.Trim();
            foreach (var type in KnownTypes)
            {
                if (string.Equals(type.Name, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return type.Value;
                }
            }

            if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                foreach (var type in KnownTypes)
                {
                    if ((int)type.Value == number)
                    {
                        return type.Value;
                    }
                }
            }

            return null;
        }

        private static KnownType[] ReadKnownTypes()
        {
            var values = (WorkplaceType[])Enum.GetValues(typeof(WorkplaceType));
            var types = new KnownType[values.Length];
            for (var index = 0; index < values.Length; index++)
            {
                types[index] = new KnownType(values[index].ToString(), values[index]);
            }

            return types;
        }

        private readonly struct KnownType
        {
            public KnownType(string name, WorkplaceType value)
            {
                Name = name;
                Value = value;
            }

            public string Name { get; }

            public WorkplaceType Value { get; }
        }
    }
}
