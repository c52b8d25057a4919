using System;
using System.Globalization;

namespace LifePos.Domain
{
    /// <summary>One input row of Sync-LifePosWorkplace: its key (Id, else Number, else Name) and the fields it gives.</summary>
    internal sealed class SyncRow
    {
        public Guid? Id { get; set; }

        public int? Number { get; set; }

        public string? Name { get; set; }

        /// <summary>The fields given (empty cells mean "leave alone"); Name and WorkplaceType among them.</summary>
        public WorkplaceChanges Changes { get; set; } = new WorkplaceChanges();

        public long RowNumber { get; set; }

        /// <summary>The row's IsArchived (or ArchivedAt); null when it says nothing.</summary>
        public bool? Archived { get; set; }

        /// <summary>A Number cell as a workplace number ("17", "#17" or "№17"); null when the cell is empty.</summary>
        public static int? NumberOf(string? cell)
        {
            if (RowValidation.Given(cell) is not { } text)
            {
                return null;
            }

            // -1 and 99999999 are refused alike: neither can be a workplace's number.
            return int.TryParse(text.Trim().TrimStart('#', '№'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= 99999
                ? number
                : throw new InvalidInputException("the number '" + text + "' is not a workplace number (1 to 99999).");
        }
    }
}
