namespace LifePos
{
    /// <summary>What Sync-LifePosWorkplace did (or, under -WhatIf, would do) for one row or one unlisted workplace.</summary>
    public enum WorkplaceChangeAction
    {
        Created,
        Updated,
        Restored,
        Unchanged,
        Archived,
        Failed,
    }
}
