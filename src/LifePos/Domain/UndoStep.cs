namespace LifePos.Domain
{
    /// <summary>What undoing one journal entry takes, against the workplace as it is now: a restore, a patch, an archive, or nothing.</summary>
    internal sealed class UndoStep
    {
        public UndoStep(string operation, WorkplacePatch patch, bool restore = false, bool archive = false, string? note = null)
        {
            Operation = operation;
            Patch = patch;
            Restore = restore;
            Archive = archive;
            Note = note;
        }

        /// <summary>The journal's name for the undo: <c>update</c>, <c>restore</c> or <c>archive</c>.</summary>
        public string Operation { get; }

        /// <summary>Restore the workplace first (it is archived).</summary>
        public bool Restore { get; }

        /// <summary>The old values patched back (old = what it holds now, new = the entry's old value).</summary>
        public WorkplacePatch Patch { get; }

        /// <summary>Archive it last.</summary>
        public bool Archive { get; }

        /// <summary>Why nothing is needed, when nothing is.</summary>
        public string? Note { get; }

        public bool IsNothing => !Restore && !Archive && Patch.IsEmpty;

        public static UndoStep Nothing(string note) => new UndoStep("update", new WorkplacePatch(), note: note);
    }
}
