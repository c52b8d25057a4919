using System;

namespace LifePos
{
    /// <summary>An employee as a parameter takes it: the object (from Get-LifePosEmployee), its id, its phone in any format, or its exact name.</summary>
    public sealed class EmployeeReference
    {
        public EmployeeReference(Employee employee)
        {
            Employee = employee ?? throw new ArgumentNullException(nameof(employee));
            Id = employee.Id;
        }

        public EmployeeReference(Guid id) => Id = id;

        public EmployeeReference(string text)
        {
            var trimmed = (text ?? string.Empty).Trim();
            if (Guid.TryParse(trimmed, out var id))
            {
                Id = id;
            }
            else if (Domain.PhoneNumber.Looks(trimmed))
            {
                Phone = trimmed;
            }
            else if (trimmed.Length > 0)
            {
                Name = trimmed;
            }
        }

        public Employee? Employee { get; }

        public Guid? Id { get; }

        public string? Phone { get; }

        public string? Name { get; }

        public bool IsEmpty => Id is null && Phone is null && Name is null;

        public override string ToString() => Employee?.ToString() ?? Id?.ToString("D") ?? Phone ?? Name ?? string.Empty;
    }
}
