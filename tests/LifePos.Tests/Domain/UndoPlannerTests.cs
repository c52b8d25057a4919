using LifePos.Domain;
using Xunit;

namespace LifePos.Tests.Domain;

/// <summary>What undoing one journal entry takes against the workplace as it is now.</summary>
public sealed class UndoPlannerTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static Workplace Now(string? meta, bool archived = false, IDictionary<string, object?>? extensions = null) => new()
    {
        Id = Id,
        Number = 7,
        Name = "Касса 7",
        Meta = meta,
        IsArchived = archived,
        WorkplaceType = WorkplaceType.Mobile,
        Extensions = extensions ?? new Dictionary<string, object?>(),
    };

    private static JournalEntry Entry(string operation, string outcome = "done", params FieldChange[] changes)
    {
        var list = new FieldChangeList();
        list.AddRange(changes);
        return new JournalEntry { RunId = "run-1", Operation = operation, Outcome = outcome, WorkplaceId = Id, Name = "Касса 7", Changes = list };
    }

    private static readonly FieldChange MetaSet = new("Meta", "hall", "WRONG");
    private static readonly FieldChange BadAdded = new("Extensions.bad", null, 1L);

    [Fact]
    public void AnUpdate_PutsTheOldValuesBack_WhileTheWorkplaceHoldsTheNewOnes()
    {
        var step = UndoPlanner.Plan(Entry("update", "done", MetaSet, BadAdded), Now("WRONG", extensions: new Dictionary<string, object?> { ["bad"] = 1L }), force: false);

        Assert.Equal("update", step.Operation);
        Assert.False(step.Restore || step.Archive);
        Assert.Equal(new[] { "replace /meta", "add /extensions/bad", "remove /extensions/bad" }, step.Patch.Operations.Select(operation => operation.Op + " " + operation.Path));
        Assert.Equal("hall", step.Patch.Changes[0].NewValue);
        Assert.Equal("WRONG", step.Patch.Changes[0].OldValue);
    }

    [Fact]
    public void AFieldChangedSince_IsAConflict_NamingTheFieldAndBothValues_UnlessForced()
    {
        var conflict = Assert.Throws<UndoRefusedException>(() => UndoPlanner.Plan(Entry("update", "done", MetaSet), Now("someone else"), force: false));
        Assert.Equal(UndoRefusedException.Conflict, conflict.Code);
        Assert.Contains("Meta is 'someone else', the journal's new value is 'WRONG'", conflict.Message);

        var forced = UndoPlanner.Plan(Entry("update", "done", MetaSet), Now("someone else"), force: true);
        Assert.Equal("hall", Assert.Single(forced.Patch.Changes).NewValue);
    }

    [Fact]
    public void AnUnknownOutcome_IsUndoneWhenItHappened_AndNeedsNothingWhenItDidNot()
    {
        Assert.False(UndoPlanner.Plan(Entry("update", "unknown", MetaSet), Now("WRONG"), force: false).IsNothing);
        Assert.True(UndoPlanner.Plan(Entry("update", "unknown", MetaSet), Now("hall"), force: false).IsNothing);
    }

    [Fact]
    public void ACreateIsArchived_AnArchiveRestored_ARestoreArchived()
    {
        Assert.True(UndoPlanner.Plan(Entry("create"), Now(null), force: false).Archive);
        Assert.True(UndoPlanner.Plan(Entry("create"), Now(null, archived: true), force: false).IsNothing);

        var restore = UndoPlanner.Plan(Entry("archive"), Now(null, archived: true), force: false);
        Assert.True(restore.Restore);
        Assert.Equal("restore", restore.Operation);
        Assert.True(UndoPlanner.Plan(Entry("archive"), Now(null), force: false).IsNothing);

        var archive = UndoPlanner.Plan(Entry("restore"), Now(null), force: false);
        Assert.True(archive.Archive);
        Assert.Equal("archive", archive.Operation);
    }

    [Fact]
    public void AnUpdateOfAWorkplaceArchivedSince_IsAConflict()
    {
        var conflict = Assert.Throws<UndoRefusedException>(() => UndoPlanner.Plan(Entry("update", "done", MetaSet), Now("WRONG", archived: true), force: false));
        Assert.Contains("archived since", conflict.Message);
    }

    [Fact]
    public void ADeactivationCannotBeUndone_AndSaysWhy()
    {
        var refusal = UndoPlanner.CannotUndo(Entry("deactivate"));
        Assert.NotNull(refusal);
        Assert.Equal(UndoRefusedException.Cannot, refusal!.Code);
        Assert.Contains("Касса 7", refusal.Message);
        Assert.Contains("new activation code", refusal.Message);
        Assert.Null(UndoPlanner.CannotUndo(Entry("update")));
    }

    [Fact]
    public void ThePlan_ShowsTheFieldsGoingBack()
    {
        Assert.Equal("Undo update: Meta: 'WRONG' → 'hall'; Extensions.bad: 1 → (none)", UndoPlanner.Describe(Entry("update", "done", MetaSet, BadAdded)));
    }
}
