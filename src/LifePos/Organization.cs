using System;

namespace LifePos
{
    /// <summary>An organization the signed-in account or token can reach.</summary>
    public sealed class Organization
    {
        public Guid Id { get; internal set; }

        public string? Name { get; internal set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id.ToString("D") : Name!;
    }
}
