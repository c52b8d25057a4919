using System;

namespace LifePos
{
    /// <summary>
    /// One change read back from a journal (Get-LifePosChange): the run it belongs to, the workplace, the operation,
    /// how it ended and each field's old and new values. Undo-LifePosChange takes it from the pipeline.
    /// </summary>
    public sealed class JournalEntry
    {
        /// <summary>The run (one cmdlet invocation); null for a line written before runs were journaled (format 1).</summary>
        public string? RunId { get; internal set; }

        /// <summary>The change's number within its run, from 1.</summary>
        public int Sequence { get; internal set; }

        public string? Command { get; internal set; }

        public string? Host { get; internal set; }

        public string? User { get; internal set; }

        public DateTimeOffset Time { get; internal set; }

        public Guid? OrganizationId { get; internal set; }

        public Guid? WorkplaceId { get; internal set; }

        public int? Number { get; internal set; }

        public string? Name { get; internal set; }

        /// <summary><c>create</c>, <c>update</c>, <c>archive</c>, <c>restore</c>, <c>deactivate</c>, <c>generate-activation-code</c>, <c>activate</c>.</summary>
        public string Operation { get; internal set; } = string.Empty;

        /// <summary><c>done</c>, <c>failed</c> (nothing changed), or <c>unknown</c> (an intent without an outcome: it may have happened).</summary>
        public string Outcome { get; internal set; } = "done";

        public FieldChangeList Changes { get; internal set; } = new FieldChangeList();

        public string? ErrorCode { get; internal set; }

        public string? Error { get; internal set; }

        public string? RequestId { get; internal set; }

        /// <summary>The journal's format version of the line(s) it was read from.</summary>
        public int Version { get; internal set; }

        /// <summary>The journal it was read from: Undo-LifePosChange journals the undo there too, unless told otherwise.</summary>
        public string? JournalPath { get; internal set; }

        public override string ToString() =>
            Operation + " " + (Name ?? (Number is { } number ? "#" + number : WorkplaceId?.ToString("D") ?? string.Empty)) + " (" + Outcome + ")";
    }
}
