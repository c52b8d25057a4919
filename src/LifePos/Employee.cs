using System;

namespace LifePos
{
    /// <summary>
    /// A LIFE POS employee: who an activation code is for, and who signed in. Its PIN code hash is never part of it
    /// (<see cref="HasPinCode"/> says whether one is set).
    /// </summary>
    public sealed class Employee
    {
        public Guid Id { get; internal set; }

        public string? Name { get; internal set; }

        public string? Username { get; internal set; }

        /// <summary>As LIFE POS keeps it; null when the employee has none (an SMS cannot reach them).</summary>
        public string? Phone { get; internal set; }

        /// <summary>Owner, Administrator, Manager, Cashier, Courier or Guest, when the service names the role.</summary>
        public string? Role { get; internal set; }

        public Guid? RoleId { get; internal set; }

        public string? Inn { get; internal set; }

        public string? Email { get; internal set; }

        public bool HasPinCode { get; internal set; }

        public string? Meta { get; internal set; }

        public object? MetaData { get; internal set; }

        public bool IsArchived { get; internal set; }

        public DateTime? ArchivedAt { get; internal set; }

        public Guid OrganizationId { get; internal set; }

        public DateTime? CreatedAt { get; internal set; }

        public DateTime? UpdatedAt { get; internal set; }

        /// <summary>Fields of the service's answer this module does not know (secrets left out).</summary>
        public JsonMap AdditionalFields { get; internal set; } = new JsonMap();

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id.ToString("D") : Name!;
    }
}
