using System.Text.Json;
using LifePos.Core;
using LifePos.Core.Json;
using LifePos.Core.Paging;
using LifePos.Tests.Support;

namespace LifePos.Tests.Paging;

public sealed class UnreadableItemTests
{
    private static object Nested(int depth)
    {
        object value = "leaf";
        for (var level = 0; level < depth; level++)
        {
            value = new JsonMap { ["a"] = value };
        }

        return value;
    }

    [Fact]
    public async Task Listing_MetaDataAsDeepAsTheModuleWrites_ReadsBackInsideAPage()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 3);
        using var client = emulator.CreateClient();
        var deepest = Nested(PlainJson.MaxDepth);
        var created = await client.CreateWorkplaceAsync(
            emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Deep", MetaData = deepest }, RequestContext.None);

        var listed = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).Single(w => w.Id == created.Id);

        Assert.True(PlainJson.DeepEquals(deepest, listed.MetaData));
        Assert.Throws<ArgumentException>(() => PlainJson.Serialize(Nested(PlainJson.MaxDepth + 1)));
    }

    [Fact]
    public async Task Listing_AnItemTooDeepToRead_FailsAloneNamingItsNumberAndId()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 5);
        using var client = emulator.CreateClient();
        var before = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).ToList();
        await emulator.ForceNextAsync("list", "deep-item");
        var listing = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None);
        var unreadable = new List<UnreadableItem>();
        listing.ItemUnreadable = unreadable.Add;

        var listed = listing.ToList();

        Assert.Equal(before.Skip(1).Select(w => w.Id), listed.Select(w => w.Id));
        var item = Assert.Single(unreadable);
        Assert.Equal(before[0].Number, item.Number);
        Assert.Equal(before[0].Id, item.Id);
        Assert.Equal(before[0].Name, item.Name);
        Assert.Equal("UnreadableItem", item.Error.ErrorCode);
        Assert.Contains("Workplace " + before[0].Number + " (id " + before[0].Id.ToString("D") + ")", item.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BaseUri", item.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_WithoutAHandler_AnUnreadableItemEndsTheListingWithItsOwnError()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 5);
        using var client = emulator.CreateClient();
        await emulator.ForceNextAsync("list", "bad-item");

        var error = Assert.Throws<LifePosApiException>(() => client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).ToList());

        Assert.Equal("UnreadableItem", error.ErrorCode);
        Assert.StartsWith("Workplace 1 (id not-a-guid) could not be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"number":"7","guid":"x","name":"Касса"}""", 7, "x", null, "Касса")]
    [InlineData("""{"number":7,"guid":"7a227091-20eb-4e4a-8fde-ed95b36c2041"}""", 7, "7a227091-20eb-4e4a-8fde-ed95b36c2041", "7a227091-20eb-4e4a-8fde-ed95b36c2041", null)]
    [InlineData("""{"number":{"n":1},"id":12}""", null, "12", null, null)]
    [InlineData("""[1,2]""", null, null, null, null)]
    public void Of_ReadsWhatItCanOfTheItem(string json, int? number, string? rawId, string? id, string? name)
    {
        using var document = JsonDocument.Parse(json);

        var item = UnreadableItem.Of(document.RootElement, "workplace", "GET", "/orgs/o/workplaces?selection=all", new JsonException("Too deep."));

        Assert.Equal(number, item.Number);
        Assert.Equal(rawId, item.RawId);
        Assert.Equal(id is null ? null : Guid.Parse(id), item.Id);
        Assert.Equal(name, item.Name);
        Assert.Contains("Too deep.", item.Error.Message, StringComparison.Ordinal);
        Assert.Contains("-Path '/orgs/o/workplaces" + (rawId is null ? "'" : "/" + rawId + "'"), item.Error.Message, StringComparison.Ordinal);
    }
}
