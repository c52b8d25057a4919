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
}
