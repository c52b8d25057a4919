using System;

namespace LifePos
{
    /// <summary>An outlet as a parameter takes it: the object (from Get-LifePosOutlet), its id, or its exact name.</summary>
    public sealed class OutletReference
    {
        public OutletReference(Outlet outlet)
        {
            Outlet = outlet ?? throw new ArgumentNullException(nameof(outlet));
            Id = outlet.Id;
        }

        public OutletReference(Guid id) => Id = id;

        public OutletReference(string text)
        {
            var trimmed = (text ?? string.Empty).Trim();
            if (Guid.TryParse(trimmed, out var id))
            {
                Id = id;
            }
            else if (trimmed.Length > 0)
            {
                Name = trimmed;
            }
        }

        public Outlet? Outlet { get; }

        public Guid? Id { get; }

        public string? Name { get; }

        public bool IsEmpty => Id is null && Name is null;

        public override string ToString() => Outlet?.ToString() ?? Id?.ToString("D") ?? Name ?? string.Empty;
    }
}
