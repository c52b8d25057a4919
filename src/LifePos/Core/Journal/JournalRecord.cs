using System;
using System.Collections.Generic;

namespace LifePos.Core.Journal
{
    /// <summary>What one change did, for the journal: the run, the workplace, the fields with old and new values, how it ended.</summary>
    public sealed class JournalRecord
    {
        public JournalRecord(string operation)
        {
            Operation = operation;
        }

        /// <summary><c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c>, <c>deactivate</c>, <c>generate-activation-code</c>, <c>activate</c>.</summary>
        public string Operation { get; set; }

        public Guid OrganizationId { get; set; }

        /// <summary>The run (one cmdlet invocation) and this change's place in it; set when the run journals it.</summary>
        public JournalRun? Run { get; set; }

        public int Sequence { get; set; }

        public Guid? WorkplaceId { get; set; }

        public int? WorkplaceNumber { get; set; }

        public string? WorkplaceName { get; set; }

        public IReadOnlyList<FieldChange> Changes { get; set; } = Array.Empty<FieldChange>();

        public long Retries { get; set; }

        /// <summary>Null on an intent line; <c>done</c>, <c>failed</c> (LIFE POS refused it) or <c>unknown</c> (no answer: it may have happened).</summary>
        public string? Outcome { get; set; } = "done";

        /// <summary>For a failure: its code (e.g. <c>NotFound</c>) and message.</summary>
        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public string? RequestId { get; set; }

        /// <summary>True once the intent line is written: from then on an outcome line follows (unless the process dies).</summary>
        public bool IntentWritten { get; set; }

        /// <summary>True when the work writes the intent itself, just before its request (it reads the workplace first).</summary>
        public bool IntentByWork { get; set; }

        /// <summary>Writes the intent line, once; set by the run that journals this entry.</summary>
        internal Action<JournalRecord>? IntentWriter { get; set; }

        /// <summary>Called by the work just before the request that changes something.</summary>
        public void Intend()
        {
            if (!IntentWritten && IntentWriter != null)
            {
                IntentWriter(this);
                IntentWritten = true;
            }
        }
    }
}
