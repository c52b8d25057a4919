using System;
using System.Collections.Generic;

namespace LifePos
{
    /// <summary>A LIFE POS workplace: a phone or cash register running the LIFE POS app.</summary>
    public sealed class Workplace
    {
        private JsonMap? _additionalFields;

        public Workplace()
            : this(new JsonMap())
        {
        }

        /// <summary>For the mapper, which has the answer's extensions at hand (one map per listed workplace, not two).</summary>
        internal Workplace(IDictionary<string, object?> extensions)
        {
            Extensions = extensions;
        }

        public Guid Id { get; internal set; }

        /// <summary>Number assigned by the server, unique within the organization (1..99999).</summary>
        public int Number { get; internal set; }

        public string? Name { get; internal set; }

        public WorkplaceType WorkplaceType { get; internal set; }

        public bool IsActivated { get; internal set; }

        /// <summary>When it was activated, local time; null when it is not.</summary>
        public DateTime? ActivatedAt { get; internal set; }

        public bool IsArchived { get; internal set; }

        /// <summary>When it was archived, local time; null when it is not.</summary>
        public DateTime? ArchivedAt { get; internal set; }

        /// <summary>
        /// Extensions keyed by name; values are plain .NET values (dictionaries, lists, strings, numbers, booleans)
        /// so PowerShell dot-access works, e.g. <c>$wp.Extensions.smart_pos.version</c>; as text, compact JSON.
        /// </summary>
        public IDictionary<string, object?> Extensions { get; internal set; }

        public string? Meta { get; internal set; }

        /// <summary>Free JSON converted to plain .NET values (as text, compact JSON); null when the workplace has none.</summary>
        public object? MetaData { get; internal set; }

        public Guid OrganizationId { get; internal set; }

        /// <summary>When it was created, local time (<c>DateTime</c>, Kind Local) as Get-Date gives it: <c>(Get-Date) - $w.CreatedAt</c>, <c>.AddDays(30)</c>, <c>.Year</c> all work.</summary>
        public DateTime CreatedAt { get; internal set; }

        /// <summary>When it last changed, local time.</summary>
        public DateTime UpdatedAt { get; internal set; }

        /// <summary>Fields of the service's answer this module does not know (yet): kept, not lost.</summary>
        /// <remarks>Made on first use: most workplaces of a long listing have none.</remarks>
        public JsonMap AdditionalFields
        {
            get => _additionalFields ??= new JsonMap();
            internal set => _additionalFields = value;
        }

        /// <summary>
        /// True when the answer left out extensions (a compact presentation): extensions, meta and meta data are then
        /// unknown, not empty, so nothing is decided from them.
        /// </summary>
        internal bool FieldsUnknown { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? "#" + Number : Name!;
    }
}
