using System;
using System.Collections.Generic;

namespace LifePos.Core.Journal
{
    /// <summary>What one change did, for the journal: the workplace, the fields with old and new values, how it ended.</summary>
    public sealed class JournalEntry
    {
        public JournalEntry(string operation)
        {
            Operation = operation;
        }

        /// <summary><c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c>, <c>deactivate</c>, <c>generate-activation-code</c>, <c>activate</c>.</summary>
        public string Operation { get; }

        public Guid OrganizationId { get; set; }

        public Guid? WorkplaceId { get; set; }

        public int? WorkplaceNumber { get; set; }

        public string? WorkplaceName { get; set; }

        public IReadOnlyList<FieldChange> Changes { get; set; } = Array.Empty<FieldChange>();

        public long Retries { get; set; }

        /// <summary><c>done</c>, or <c>failed</c>.</summary>
        public string Outcome { get; set; } = "done";

        /// <summary>For a failure: its code (e.g. <c>NotFound</c>) and message.</summary>
        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public string? RequestId { get; set; }
    }
}
