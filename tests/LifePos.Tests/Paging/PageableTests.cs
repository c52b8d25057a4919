using System.Collections.Concurrent;
using LifePos.Core;
using LifePos.Core.Paging;

namespace LifePos.Tests.Paging;

/// <summary>The one paging type, over a scripted fetcher: prefetch, early stop, odd end-of-list shapes, a repeated token.</summary>
public sealed class PageableTests
{
    /// <summary>Pages of numbers; page N's token is "pN". Records each fetch and the token it was cancelled with.</summary>
    private sealed class Pages
    {
        private readonly Func<string?, Page<int>> _page;

        public Pages(Func<string?, Page<int>> page) => _page = page;

        public ConcurrentQueue<string?> Fetched { get; } = new();

        public ConcurrentDictionary<string, CancellationToken> Tokens { get; } = new();

        /// <summary>Fetches of these tokens never complete until cancelled.</summary>
        public HashSet<string> Held { get; } = new();

        public Pageable<int> List() => new(Fetch, "/things", number => number.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        public static Page<int> Numbers(int from, int count, string? next) => new(Enumerable.Range(from, count).ToList(), next, 3, 45);

        private Task<Page<int>> Fetch(string? token, CancellationToken cancellationToken)
        {
            Fetched.Enqueue(token);
            Tokens[token ?? "first"] = cancellationToken;
            if (token != null && Held.Contains(token))
            {
                var pending = new TaskCompletionSource<Page<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
                cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
                return pending.Task;
            }

            return Task.FromResult(_page(token));
        }
    }

    private static Pages ThreePages() => new(token => token switch
    {
        null => Pages.Numbers(1, 20, "p2"),
        "p2" => Pages.Numbers(21, 20, "p3"),
        _ => Pages.Numbers(41, 5, ""),
    });

    [Fact]
    public void Enumerating_YieldsEveryItemOnceAndCountsPages()
    {
        var pages = ThreePages();
        var list = pages.List();
        var seen = new List<int>();
        list.PageReceived = p => seen.Add(p.PagesFetched);

        Assert.Equal(Enumerable.Range(1, 45), list.ToList());
        Assert.Equal(new[] { 1, 2, 3 }, seen);
        Assert.Equal(3, list.PagesTotal);
        Assert.Equal(45L, list.ItemsTotal);
        Assert.Equal(new string?[] { null, "p2", "p3" }, pages.Fetched);
    }

    /// <summary>Items renamed or touched while listed move later in the order, and a later page brings them back.</summary>
    private static Pages MovingItems() => new(token => token switch
    {
        null => new Page<int>(new[] { 1, 2 }, "p2", null, null),
        "p2" => new Page<int>(new[] { 3, 1 }, "p3", null, null),
        "p3" => new Page<int>(new[] { 2, 4, 3 }, "p4", null, null),
        _ => new Page<int>(new[] { 1, 2, 3, 4, 5 }, null, null, null),
    });

    [Fact]
    public void AnItemThatMovesInTheOrder_IsYieldedOnceByEachEnumeration()
    {
        var list = MovingItems().List();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, list.ToList());
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, list.ToList());
    }

    [Fact]
    public async Task ForEachAsync_VisitsAnItemThatMovesInTheOrderOnce()
    {
        var visited = new List<int>();

        await MovingItems().List().ForEachAsync(item =>
        {
            visited.Add(item);
            return true;
        });

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, visited);
    }

    [Fact]
    public void AnItemWithoutAnId_IsNeverTakenForARepeat()
    {
        var list = new Pageable<int>(
            (token, _) => Task.FromResult(token is null ? new Page<int>(new[] { 0, 1 }, "p2", null, null) : new Page<int>(new[] { 0, 1 }, null, null, null)),
            "/things", number => number == 0 ? null : "n" + number, CancellationToken.None);

        Assert.Equal(new[] { 0, 1, 0 }, list.ToList());
    }

    [Fact]
    public void Prefetch_StartsHalfwayThroughTheFirstPageAndAQuarterIntoLaterOnes()
    {
        var pages = ThreePages();
        using var items = pages.List().GetEnumerator();

        for (var taken = 0; taken < 10; taken++)
        {
            Assert.True(items.MoveNext());
        }

        Assert.Single(pages.Fetched);
        Assert.True(items.MoveNext());
        Assert.Equal(2, pages.Fetched.Count);
        for (var taken = 11; taken < 25; taken++)
        {
            Assert.True(items.MoveNext());
        }

        Assert.Equal(2, pages.Fetched.Count);
        Assert.True(items.MoveNext());
        Assert.Equal(3, pages.Fetched.Count);
    }

    [Fact]
    public void StoppingEarly_AsksForNoMorePagesAndCancelsTheOneOnItsWay()
    {
        var pages = ThreePages();
        pages.Held.Add("p2");

        Assert.Equal(3, pages.List().Take(3).Count());
        Assert.Single(pages.Fetched);

        Assert.Equal(15, pages.List().Take(15).Count());
        Assert.Equal(new string?[] { null, null, "p2" }, pages.Fetched);
        Assert.True(pages.Tokens["p2"].IsCancellationRequested, "the prefetched page's request is cancelled once the consumer stops");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TheEnd_IsANullOrEmptyToken(string? end)
    {
        var pages = new Pages(token => token is null ? Pages.Numbers(1, 3, "p2") : Pages.Numbers(4, 2, end));

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, pages.List().ToList());
        Assert.Equal(2, pages.Fetched.Count);
    }

    [Fact]
    public void AnEmptyPageWithAToken_DoesNotEndTheList()
    {
        var pages = new Pages(token => token switch
        {
            null => new Page<int>(Array.Empty<int>(), "p2", null, null),
            _ => Pages.Numbers(1, 2, null),
        });

        Assert.Equal(new[] { 1, 2 }, pages.List().ToList());
    }

    [Fact]
    public async Task ARepeatedToken_IsAnErrorNotALoop()
    {
        var pages = new Pages(token => token is null ? Pages.Numbers(1, 2, "again") : Pages.Numbers(3, 2, "again"));

        var error = Assert.Throws<LifePosApiException>(() => pages.List().ToList());
        var asyncError = await Assert.ThrowsAsync<LifePosApiException>(() => pages.List().ToListAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("same next_page_token again after page 2", error.Message);
        Assert.Contains("GET /things", error.Message);
        Assert.Equal(error.Message, asyncError.Message);
    }

    [Fact]
    public async Task ForEachAsync_StopsAtTheFirstFalseWithoutFetchingFurther()
    {
        var pages = ThreePages();
        var visited = new List<int>();

        await pages.List().ForEachAsync(item =>
        {
            visited.Add(item);
            return item < 22;
        });

        Assert.Equal(Enumerable.Range(1, 22), visited);
        Assert.Equal(new string?[] { null, "p2" }, pages.Fetched);
    }
}
