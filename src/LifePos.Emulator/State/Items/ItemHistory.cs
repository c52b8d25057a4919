namespace LifePos.Emulator.State.Items;

/// <summary>Where an item came in (the change sequence) and each change of its archived state since.</summary>
internal sealed class ItemHistory
{
    private ItemHistory(long createdSequence, ArchiveChange[] changes)
    {
        CreatedSequence = createdSequence;
        Changes = changes;
    }

    public long CreatedSequence { get; }
    public ArchiveChange[] Changes { get; }

    public static ItemHistory Created(long sequence, bool archived) => new(sequence, [new ArchiveChange(sequence, archived)]);

    public ItemHistory WithArchived(long sequence, bool archived)
    {
        var changes = new ArchiveChange[Changes.Length + 1];
        Changes.CopyTo(changes, 0);
        changes[^1] = new ArchiveChange(sequence, archived);
        return new ItemHistory(CreatedSequence, changes);
    }

    public bool WasArchivedAt(long sequence)
    {
        var archived = false;
        foreach (var change in Changes)
        {
            if (change.Sequence > sequence) break;
            archived = change.Archived;
        }
        return archived;
    }
}
