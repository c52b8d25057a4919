using System.Text.Json;
using LifePos.Core.Paging;
using LifePos.Domain;

namespace LifePos.Tests.Domain;

/// <summary>Sync-LifePosWorkplace and a workplace its listing could not read: the rows that name it fail, the rest go on.</summary>
public class SyncPlannerUnreadableTests
{
    private static readonly Workplace Bar = new() { Id = Guid.NewGuid(), Number = 2, Name = "Bar", WorkplaceType = WorkplaceType.Mobile };
    private static readonly Guid DeepId = Guid.NewGuid();

    private static SyncPlanner Planner()
    {
        using var document = JsonDocument.Parse("{\"guid\":\"" + DeepId + "\",\"number\":7,\"name\":\"Deep\"}");
        var deep = UnreadableItem.Of(document.RootElement, "workplace", "GET", "/orgs/o/workplaces", new JsonException("Too deep."));
        return new SyncPlanner(new[] { Bar }, includeArchived: false, exact: false, unreadable: new[] { deep });
    }

    private static SyncRow Row(long number, Guid? id = null, int? workplaceNumber = null, string? name = null) => new()
    {
        Id = id,
        Number = workplaceNumber,
        Name = name,
        RowNumber = number,
        Changes = new WorkplaceChanges { Name = name, Meta = "x", WorkplaceType = WorkplaceType.Mobile },
    };

    [Theory]
    [InlineData("id")]
    [InlineData("number")]
    [InlineData("name")]
    public void ARowNamingTheUnreadableWorkplace_FailsAlone_AndNeverCreatesALookAlike(string key)
    {
        var planner = Planner();
        var row = key switch
        {
            "id" => Row(1, id: DeepId),
            "number" => Row(1, workplaceNumber: 7),
            _ => Row(1, name: " deep "),
        };

        var step = planner.Plan(row);
        var other = planner.Plan(Row(2, name: "Bar"));

        Assert.Equal(WorkplaceChangeAction.Failed, step.Action);
        Assert.Null(step.Create);
        Assert.StartsWith("workplace 7 (id " + DeepId.ToString("D") + ") could not be read from LIFE POS", step.Error, StringComparison.Ordinal);
        Assert.Equal(WorkplaceChangeAction.Updated, other.Action);
        Assert.Same(Bar, other.Current);
        Assert.DoesNotContain(planner.Unlisted, workplace => workplace.Number == 7);
    }
}
