namespace LifePos.Domain
{
    /// <summary>What one row needs: nothing, a create, an update, a restore (and maybe an update), or it fails.</summary>
    internal sealed class SyncStep
    {
        public SyncStep(WorkplaceChangeAction action, Workplace? current, WorkplacePatch patch, string? error = null)
        {
            Action = action;
            Current = current;
            Patch = patch;
            Error = error;
        }

        public WorkplaceChangeAction Action { get; }

        /// <summary>The workplace the row names; null for a create (and for some failures).</summary>
        public Workplace? Current { get; }

        /// <summary>The fields to set: all given ones for a create, the differing ones otherwise.</summary>
        public WorkplacePatch Patch { get; }

        public string? Error { get; }
    }
}
