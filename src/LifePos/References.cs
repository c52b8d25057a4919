using System;
using System.Globalization;

namespace LifePos
{
    /// <summary>
    /// A workplace as a parameter takes it: the object (from Get-LifePosWorkplace), its id, its number ("17", "#17",
    /// "№17"), or its exact name. PowerShell converts any of them, so <c>-Workplace 'Касса 17'</c> and a CSV column work.
    /// </summary>
    public sealed class WorkplaceReference
    {
        public WorkplaceReference(Workplace workplace)
        {
            Workplace = workplace ?? throw new ArgumentNullException(nameof(workplace));
            Id = workplace.Id;
        }

        public WorkplaceReference(Guid id) => Id = id;

        public WorkplaceReference(int number) => Number = number;

        public WorkplaceReference(string text)
        {
            var trimmed = (text ?? string.Empty).Trim();
            var digits = trimmed.TrimStart('#', '№').Trim();
            if (Guid.TryParse(trimmed, out var id))
            {
                Id = id;
            }
            else if (digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Number = number;
            }
            else if (trimmed.Length > 0)
            {
                Name = trimmed;
            }
        }

        public Workplace? Workplace { get; }

        public Guid? Id { get; }

        public int? Number { get; }

        public string? Name { get; }

        /// <summary>True for an empty value (an empty CSV cell).</summary>
        public bool IsEmpty => Id is null && Number is null && Name is null;

        public override string ToString() =>
            Workplace?.ToString() ?? Id?.ToString("D") ?? (Number is { } number ? "#" + number.ToString(CultureInfo.InvariantCulture) : Name ?? string.Empty);
    }

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
