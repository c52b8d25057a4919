using System;

namespace LifePos
{
    /// <summary>A LIFE POS outlet (a point of sale). Secrets in its extensions (API keys) are masked.</summary>
    public sealed class Outlet
    {
        public Guid Id { get; internal set; }

        public string? Name { get; internal set; }

        public string? Address { get; internal set; }

        public string? Brand { get; internal set; }

        public Guid? LegalEntityId { get; internal set; }

        /// <summary>Extensions keyed by name, every secret (an <c>api_key</c>) shown as <c>***</c>.</summary>
        public JsonMap Extensions { get; internal set; } = new JsonMap();

        public bool IsArchived { get; internal set; }

        public DateTime? ArchivedAt { get; internal set; }

        public Guid OrganizationId { get; internal set; }

        public DateTime? CreatedAt { get; internal set; }

        public DateTime? UpdatedAt { get; internal set; }

        public JsonMap AdditionalFields { get; internal set; } = new JsonMap();

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id.ToString("D") : Name!;
    }
}
