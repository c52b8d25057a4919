using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Paging;

public sealed class WorkplaceListPagingTests
{
    private static WorkplaceListQuery PagesOf20() => new() { PageSize = 20 };

    [Fact]
    public async Task Paging_YieldsEveryWorkplaceOfFortyFiveAcrossThreePages()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();
        var pager = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery { PageSize = 20, IncludeItemsTotal = true }, RequestContext.None);
        var pagesSeen = new List<int>();
        pager.PageReceived = p => pagesSeen.Add(p.PagesFetched);

        var workplaces = pager.ToList();

        Assert.Equal(45, workplaces.Count);
        Assert.Equal(45, workplaces.Select(w => w.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 45), workplaces.Select(w => w.Number));
        Assert.Equal(new[] { 1, 2, 3 }, pagesSeen);
        Assert.Equal(3, pager.PagesTotal);
        Assert.Equal(45L, pager.ItemsTotal);
        Assert.Equal(3, await emulator.RequestsAsync("list"));
    }

    [Fact]
    public async Task Paging_StopsRequestingWhenConsumerStops()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();

        var firstThree = client.ListWorkplaces(emulator.OrganizationId, PagesOf20(), RequestContext.None).Take(3).ToList();

        Assert.Equal(3, firstThree.Count);
        Assert.Equal(1, await emulator.RequestsAsync("list"));
    }

    [Fact]
    public async Task Paging_PrefetchesTheNextPageOnlyPartwayThroughThePage()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();
        var observer = new RecordingObserver();
        using var items = client.ListWorkplaces(emulator.OrganizationId, PagesOf20(), new RequestContext(default, observer)).GetEnumerator();

        // The first page: the next one is asked for once half of it is taken.
        for (var taken = 0; taken < 10; taken++)
        {
            Assert.True(items.MoveNext());
        }

        Assert.Equal(1, observer.RequestsStarted("/workplaces"));
        Assert.True(items.MoveNext());
        Assert.Equal(2, observer.RequestsStarted("/workplaces"));

        // Later pages: a quarter of the way in (items 21..25 are the first five of page two).
        for (var taken = 11; taken < 25; taken++)
        {
            Assert.True(items.MoveNext());
        }

        Assert.Equal(2, observer.RequestsStarted("/workplaces"));
        Assert.True(items.MoveNext());
        Assert.Equal(3, observer.RequestsStarted("/workplaces"));
        var rest = 26;
        while (items.MoveNext())
        {
            rest++;
        }

        Assert.Equal(45, rest);
        Assert.Equal(3, observer.RequestsStarted("/workplaces"));
    }

    [Fact]
    public async Task Paging_CancellationStopsTheListMidPage()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var taken = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in client.ListWorkplaces(emulator.OrganizationId, PagesOf20(), new RequestContext(cancellation.Token)))
            {
                if (++taken == 5)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(5, taken);
        Assert.Equal(1, await emulator.RequestsAsync("list"));
    }

    [Fact]
    public async Task Paging_RetriesAFailedPageWithoutSkippingOrRepeatingItems()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();
        var context = new RequestContext();
        var pager = client.ListWorkplaces(emulator.OrganizationId, PagesOf20(), context);
        using var items = pager.GetEnumerator();
        Assert.True(items.MoveNext());
        await emulator.ForceNextAsync("list", "503", "502", "drop-before");

        var ids = new List<Guid> { items.Current.Id };
        while (items.MoveNext())
        {
            ids.Add(items.Current.Id);
        }

        Assert.Equal(45, ids.Distinct().Count());
        Assert.Equal(45, ids.Count);
        Assert.Equal(3, context.RetryCount);
        Assert.Equal(6, await emulator.RequestsAsync("list"));
    }

    [Fact]
    public async Task Paging_FiltersSortsAndSelectsArchivedAsAsked()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var all = client.ListWorkplaces(org, new WorkplaceListQuery { OrderBy = WorkplaceOrder.NumberDesc }, RequestContext.None).ToList();
        Assert.Equal(45, all[0].Number);
        await client.ArchiveWorkplaceAsync(org, all[0].Id, RequestContext.None);

        var archived = client.ListWorkplaces(org, new WorkplaceListQuery { Selection = WorkplaceSelection.ArchivedOnly }, RequestContext.None).ToList();
        var alive = client.ListWorkplaces(org, new WorkplaceListQuery(), RequestContext.None).Count();
        var both = client.ListWorkplaces(org, new WorkplaceListQuery { Selection = WorkplaceSelection.All }, RequestContext.None).Count();
        var found = client.ListWorkplaces(org, new WorkplaceListQuery { Query = all[1].Name }, RequestContext.None).ToList();

        Assert.Equal(all[0].Id, Assert.Single(archived).Id);
        Assert.True(archived[0].IsArchived);
        Assert.Equal(44, alive);
        Assert.Equal(45, both);
        Assert.Contains(found, w => w.Id == all[1].Id);
    }

    [Fact]
    public void Paging_PageSizeOutsideOneToHundredIsRefusedBeforeAnyRequest()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkplaceListQuery { PageSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkplaceListQuery { PageSize = 101 });
    }
}
