using System.Globalization;

namespace LifePos.Emulator.Tests.Endpoints;

public sealed class ListDateFilterTests
{
    private static string At(EmulatorAnswer page, int index, string field) => page.Json.GetProperty("items")[index].GetProperty(field).GetString()!;

    private static int[] Numbers(System.Collections.Generic.IEnumerable<EmulatorAnswer> pages) =>
        pages.SelectMany(p => p.Json.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("number").GetInt32()).ToArray();

    [Fact]
    public async Task CreatedFromAndTo_AreInclusive_AndTravelInThePageToken()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 45);
        var all = await emulator.GetAsync($"{emulator.Workplaces}?items_per_page=100");
        var from = Uri.EscapeDataString(At(all, 9, "created_at"));
        var to = Uri.EscapeDataString(At(all, 19, "created_at"));

        var pages = await emulator.AllPagesAsync($"created_from={from}&created_to={to}&items_per_page=4&include_items_total=true");
        Assert.Equal(Enumerable.Range(10, 11), Numbers(pages));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(11, p.Json.GetProperty("items_total").GetInt32()));

        // They combine with order_by, query and selection.
        Assert.Equal(Enumerable.Range(10, 11).Reverse(), Numbers(await emulator.AllPagesAsync($"created_from={from}&created_to={to}&order_by=created_at_desc")));
        Assert.Equal(new[] { 12, 20 }, Numbers(await emulator.AllPagesAsync($"created_from={from}&created_to={to}&query=2")));
        (await emulator.DeleteAsync($"{emulator.Workplaces}/{At(all, 14, "guid")}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(new[] { 15 }, Numbers(await emulator.AllPagesAsync($"created_from={from}&created_to={to}&selection=archived_only")));
        Assert.Equal(10, Numbers(await emulator.AllPagesAsync($"created_from={from}&created_to={to}")).Length);
        Assert.Equal(Enumerable.Range(10, 36), Numbers(await emulator.AllPagesAsync($"created_from={from}&selection=all")));
        Assert.Equal(Enumerable.Range(1, 20), Numbers(await emulator.AllPagesAsync($"created_to={to}&selection=all")));
    }

    [Fact]
    public async Task UpdatedFromAndTo_FollowPatches_OnTheEmulatorClock()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 10);
        var now = DateTimeOffset.Parse((await emulator.ClockAsync(advanceSeconds: 60, frozen: true)).GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
        var all = await emulator.GetAsync(emulator.Workplaces);
        (await emulator.PatchAsync($"{emulator.Workplaces}/{At(all, 3, "guid")}", new[] { new { op = "replace", path = "/name", value = "renamed" } })).ShouldBe(HttpStatusCode.OK);
        await emulator.ClockAsync(advanceSeconds: 10);
        (await emulator.PatchAsync($"{emulator.Workplaces}/{At(all, 6, "guid")}", new[] { new { op = "replace", path = "/name", value = "later" } })).ShouldBe(HttpStatusCode.OK);

        string Iso(DateTimeOffset value) => Uri.EscapeDataString(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        Assert.Equal(new[] { 4, 7 }, Numbers(await emulator.AllPagesAsync($"updated_from={Iso(now)}")));
        Assert.Equal(new[] { 4 }, Numbers(await emulator.AllPagesAsync($"updated_from={Iso(now)}&updated_to={Iso(now.AddSeconds(9.999))}")));
        Assert.Equal(new[] { 7 }, Numbers(await emulator.AllPagesAsync($"updated_from={Iso(now.AddSeconds(10).ToOffset(TimeSpan.FromHours(3)))}")));
        Assert.Equal(8, Numbers(await emulator.AllPagesAsync($"updated_to={Iso(now.AddMilliseconds(-1))}")).Length);
        Assert.Equal(new[] { 7 }, Numbers(await emulator.AllPagesAsync($"updated_from={now.AddSeconds(10).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")));
    }

    [Theory]
    [InlineData("created_from=yesterday")]
    [InlineData("created_to=2026-11-29")]
    [InlineData("updated_from=2026-11-29T18:00:00")]
    [InlineData("updated_to=2026-11-29T18:00:00 03:00")]
    [InlineData("created_from=29.11.2026 18:00")]
    [InlineData("created_from=2026-13-45T18:00:00Z")]
    public async Task InvalidDateBounds_Are422(string query)
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var answer = await emulator.GetAsync($"{emulator.Workplaces}?{query}");
        answer.ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        Assert.Contains(query[..query.IndexOf('=')], answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
