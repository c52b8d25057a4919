namespace LifePos.Domain
{
    /// <summary>What one row needs: nothing, a create, an update, a restore (and maybe an update), or it fails.</summary>
    internal sealed class SyncStep
    {
        public SyncStep(WorkplaceChangeAction action, Workplace? current, WorkplacePatch patch, string? error = null, Core.WorkplaceCreateRequest? create = null)
        {
            Action = action;
            Current = current;
            Patch = patch;
            Error = error;
            Create = create;
        }

        public WorkplaceChangeAction Action { get; }

        /// <summary>The workplace the row names; null for a create (and for some failures).</summary>
        public Workplace? Current { get; }

        /// <summary>The fields to set: all given ones for a create, the differing ones otherwise.</summary>
        public WorkplacePatch Patch { get; }

        public string? Error { get; }

        /// <summary>For a create: the workplace to create, from the row's values.</summary>
        public Core.WorkplaceCreateRequest? Create { get; }

        /// <summary>-Exact: the row marks the workplace archived, so it is archived (after its update, or after its create).</summary>
        public bool Marked { get; set; }

        /// <summary>A row that cannot be carried out, and why.</summary>
        public static SyncStep Failure(Workplace? current, string error) => new SyncStep(WorkplaceChangeAction.Failed, current, new WorkplacePatch(), error);
    }
}
