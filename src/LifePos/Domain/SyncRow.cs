using System;

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
    }
}
