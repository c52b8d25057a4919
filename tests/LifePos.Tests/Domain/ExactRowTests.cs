using LifePos.Domain;
using Xunit;

namespace LifePos.Tests.Domain;

/// <summary>Sync-LifePosWorkplace -Exact in the planner: a row is the whole truth, archived state included.</summary>
public sealed class ExactRowTests
{
    private static readonly Workplace Alive = new()
    {
        Id = Guid.NewGuid(),
        Number = 1,
        Name = "Касса 1",
        Meta = "hall",
        MetaData = new Dictionary<string, object?> { ["floor"] = 2L },
        WorkplaceType = WorkplaceType.Mobile,
        Extensions = new Dictionary<string, object?> { ["smart_pos"] = "2.1", ["bad"] = 1L },
    };

    private static readonly Workplace Archived = new() { Id = Guid.NewGuid(), Number = 2, Name = "Касса 2", IsArchived = true, WorkplaceType = WorkplaceType.Mobile };

    private static SyncPlanner Planner() => new(new[] { Alive, Archived }, includeArchived: false, exact: true);

    private static SyncRow Row(Guid? id, string? name, bool? archived, WorkplaceType? type = WorkplaceType.Mobile, IDictionary<string, object?>? extensions = null) => new()
    {
        Id = id,
        Name = name,
        RowNumber = 1,
        Archived = archived,
        Changes = new WorkplaceChanges { Name = name, WorkplaceType = type, Extensions = extensions },
    };

    [Fact]
    public void EmptyCellsClear_AndExtensionsNotInTheRowAreRemoved()
    {
        var step = Planner().Plan(Row(Alive.Id, "Касса 1", archived: false, extensions: new Dictionary<string, object?> { ["smart_pos"] = "2.1" }));

        Assert.Equal(WorkplaceChangeAction.Updated, step.Action);
        Assert.Equal(
            new[] { "Meta: 'hall' → (none)", "MetaData: {\"floor\":2} → (none)", "Extensions.bad: 1 → (none)" },
            step.Patch.Changes.Select(change => change.ToString()));
    }

    [Fact]
    public void IsArchived_ArchivesAnAliveWorkplace_AndRestoresAnArchivedOne()
    {
        var whole = new Dictionary<string, object?> { ["smart_pos"] = "2.1", ["bad"] = 1L };
        var archive = Planner().Plan(new SyncRow
        {
            Id = Alive.Id,
            RowNumber = 1,
            Archived = true,
            Changes = new WorkplaceChanges { Name = "Касса 1", WorkplaceType = WorkplaceType.Mobile, Meta = "hall", MetaDataGiven = true, MetaData = new Dictionary<string, object?> { ["floor"] = 2L }, Extensions = whole },
        });
        Assert.Equal(WorkplaceChangeAction.Archived, archive.Action);
        Assert.True(archive.Marked);
        Assert.True(archive.Patch.IsEmpty);

        var restore = Planner().Plan(Row(Archived.Id, "Касса 2", archived: false));
        Assert.Equal(WorkplaceChangeAction.Restored, restore.Action);
        Assert.Equal(WorkplaceChangeAction.Unchanged, Planner().Plan(Row(Archived.Id, "Касса 2", archived: true)).Action);
    }

    [Fact]
    public void ARowWithoutAType_OrWithoutAKey_IsRefused()
    {
        Assert.Contains("WorkplaceType", Planner().Plan(Row(Alive.Id, "Касса 1", archived: false, type: null)).Error);
        Assert.Contains("Id, a Number or a unique Name", Planner().Plan(Row(null, null, archived: false)).Error);
    }

    [Fact]
    public void WithoutExact_ARowMarkedArchived_NeverRestores()
    {
        var planner = new SyncPlanner(new[] { Alive, Archived }, includeArchived: true);
        Assert.Equal(WorkplaceChangeAction.Unchanged, planner.Plan(Row(Archived.Id, "Касса 2", archived: true)).Action);
        Assert.Equal(WorkplaceChangeAction.Restored, new SyncPlanner(new[] { Alive, Archived }, includeArchived: true).Plan(Row(Archived.Id, "Касса 2", archived: null)).Action);
    }
}
