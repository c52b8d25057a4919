using LifePos.Domain;

namespace LifePos.Tests.Domain;

/// <summary>The pure plan behind Sync-LifePosWorkplace: which workplace a row names, and what it comes to.</summary>
public class SyncPlannerTests
{
    private static readonly Workplace Kitchen = new() { Id = Guid.NewGuid(), Number = 1, Name = "Kitchen", Meta = "hall", WorkplaceType = WorkplaceType.Mobile };
    private static readonly Workplace Bar = new() { Id = Guid.NewGuid(), Number = 2, Name = "Bar", WorkplaceType = WorkplaceType.Mobile };
    private static readonly Workplace TwinA = new() { Id = Guid.NewGuid(), Number = 3, Name = "Twin", WorkplaceType = WorkplaceType.Mobile };
    private static readonly Workplace TwinB = new() { Id = Guid.NewGuid(), Number = 4, Name = " twin", WorkplaceType = WorkplaceType.Stationary };
    private static readonly Workplace Old = new() { Id = Guid.NewGuid(), Number = 5, Name = "Old", IsArchived = true, WorkplaceType = WorkplaceType.Mobile };

    private static SyncPlanner Planner(bool includeArchived = false) => new(new[] { Kitchen, Bar, TwinA, TwinB, Old }, includeArchived);

    private static SyncRow Row(long number, Guid? id = null, int? workplaceNumber = null, string? name = null, string? meta = null, WorkplaceType? type = null) => new()
    {
        Id = id,
        Number = workplaceNumber,
        Name = name,
        RowNumber = number,
        Changes = new WorkplaceChanges { Name = name, Meta = meta, WorkplaceType = type },
    };

    [Fact]
    public void TheIdComesFirst_ThenTheNumber_ThenTheName()
    {
        var planner = Planner();

        var byId = planner.Plan(Row(1, id: Bar.Id, workplaceNumber: 1, name: "Kitchen", meta: "x"));
        var byNumber = planner.Plan(Row(2, workplaceNumber: 1, name: "Bar 2", meta: "x"));

        Assert.Same(Bar, byId.Current);
        Assert.Same(Kitchen, byNumber.Current);
    }

    [Fact]
    public void ARowMatchedByName_IgnoresCaseAndSpaces_AndDoesNotRenameForThem()
    {
        var step = Planner().Plan(Row(1, name: "  KITCHEN ", meta: "hall"));

        Assert.Equal(WorkplaceChangeAction.Unchanged, step.Action);
        Assert.Same(Kitchen, step.Current);
    }

    [Fact]
    public void ARowMatchedByNumber_RenamesTheWorkplace()
    {
        var step = Planner().Plan(Row(1, workplaceNumber: 2, name: "Bar terrace"));

        Assert.Equal(WorkplaceChangeAction.Updated, step.Action);
        var change = Assert.Single(step.Patch.Changes);
        Assert.Equal("Name", change.Field);
        Assert.Equal("Bar", change.OldValue);
        Assert.Equal("Bar terrace", change.NewValue);
    }

    [Fact]
    public void AnAmbiguousName_FailsThatRow_AndIsNeverAGuess()
    {
        var step = Planner().Plan(Row(1, name: "twin", meta: "x"));

        Assert.Equal(WorkplaceChangeAction.Failed, step.Action);
        Assert.Contains(TwinA.Id.ToString(), step.Error);
        Assert.Contains(TwinB.Id.ToString(), step.Error);
        Assert.Contains("Id or Number", step.Error);
    }

    [Fact]
    public void AMissingName_IsCreated_OnlyWithAType_AndOnlyOnce()
    {
        var planner = Planner();

        Assert.Equal(WorkplaceChangeAction.Failed, planner.Plan(Row(1, name: "Terrace")).Action);
        Assert.Equal(WorkplaceChangeAction.Created, planner.Plan(Row(2, name: "Terrace", type: WorkplaceType.Mobile)).Action);
        var again = planner.Plan(Row(3, name: "terrace", type: WorkplaceType.Mobile));
        Assert.Equal(WorkplaceChangeAction.Failed, again.Action);
        Assert.Contains("row 2", again.Error);
    }

    [Fact]
    public void AWorkplaceNamedTwice_FailsTheSecondRow()
    {
        var planner = Planner();
        planner.Plan(Row(1, id: Kitchen.Id, meta: "a"));

        var second = planner.Plan(Row(2, workplaceNumber: 1, meta: "b"));

        Assert.Equal(WorkplaceChangeAction.Failed, second.Action);
        Assert.Contains("row 1", second.Error);
    }

    [Theory]
    [InlineData(false, WorkplaceChangeAction.Failed)]
    [InlineData(true, WorkplaceChangeAction.Restored)]
    public void AnArchivedWorkplace_IsRestoredOnlyWithIncludeArchived(bool includeArchived, WorkplaceChangeAction expected)
    {
        var step = Planner(includeArchived).Plan(Row(1, id: Old.Id));

        Assert.Equal(expected, step.Action);
    }

    [Fact]
    public void TheUnlisted_AreTheAliveWorkplacesNoRowNamed()
    {
        var planner = Planner();
        planner.Plan(Row(1, name: "Kitchen"));
        planner.Plan(Row(2, workplaceNumber: 3));

        Assert.Equal(new[] { Bar, TwinB }, planner.Unlisted);
    }
}
