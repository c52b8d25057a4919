using System;

namespace LifePos
{
    /// <summary>
    /// One result of Sync-LifePosWorkplace: the action, the workplace, the input row, and the fields changed. Its
    /// properties export to CSV as plain cells.
    /// </summary>
    public sealed class WorkplaceChange
    {
        internal WorkplaceChange(WorkplaceChangeAction action, Workplace? workplace, object? inputObject, FieldChangeList changes, string? error = null)
        {
            Action = action;
            Workplace = workplace;
            InputObject = inputObject;
            Changes = changes;
            Error = error;
        }

        public WorkplaceChangeAction Action { get; internal set; }

        public Guid? Id => Workplace?.Id;

        public int? Number => Workplace?.Number;

        public string? Name => Workplace?.Name;

        /// <summary>The workplace as it is after the change (as it was, for Unchanged and Failed).</summary>
        public Workplace? Workplace { get; internal set; }

        public FieldChangeList Changes { get; }

        /// <summary>Why the row failed; null otherwise.</summary>
        public string? Error { get; internal set; }

        /// <summary>The row it came from; null for an unlisted workplace that was archived.</summary>
        public object? InputObject { get; }

        public override string ToString() => Action + " " + (Workplace?.ToString() ?? InputObject?.ToString() ?? string.Empty);
    }
}
