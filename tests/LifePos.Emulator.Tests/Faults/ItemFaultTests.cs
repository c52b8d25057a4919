namespace LifePos.Emulator.Tests.Faults;

public sealed class ItemFaultTests
{
    private static JsonElement Page(EmulatorAnswer answer) =>
        JsonDocument.Parse(answer.Body, new JsonDocumentOptions { MaxDepth = 2000 }).RootElement;

    private static int Depth(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Array => 1 + value.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
            JsonValueKind.Object => 1 + value.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
            _ => 0,
        };

    [Fact]
    public async Task DeepItem_NestsTheFirstListedItemsMetaData1000Deep_AndLeavesTheOthers()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var plain = Page(await emulator.GetAsync(emulator.Workplaces));
        await emulator.ControlAsync("faults", new { next = new[] { "deep-item" }, next_endpoint = "list" }, HttpMethod.Put);

        var spoiled = Page(await emulator.GetAsync(emulator.Workplaces)).GetProperty("items");

        Assert.Equal(1000, Depth(spoiled[0].GetProperty("meta_data")));
        Assert.Equal(plain.GetProperty("items")[0].GetProperty("guid").GetString(), spoiled[0].GetProperty("guid").GetString());
        Assert.Equal(plain.GetProperty("items")[1].GetRawText(), spoiled[1].GetRawText());
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("faults").GetProperty("deep-item").GetInt32());
    }

    [Fact]
    public async Task BadItem_GivesTheFirstListedItemAGuidThatIsNoGuid()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        await emulator.ControlAsync("faults", new { next = new[] { "bad-item" }, next_endpoint = "list" }, HttpMethod.Put);

        var items = Page(await emulator.GetAsync(emulator.Workplaces)).GetProperty("items");

        Assert.Equal("not-a-guid", items[0].GetProperty("guid").GetString());
        Assert.True(Guid.TryParse(items[1].GetProperty("guid").GetString(), out _));
        Assert.Equal(3, items.GetArrayLength());
    }

    [Fact]
    public async Task AMetaDataAsDeepAsClientsSend_IsStoredAndListed()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 0);
        var value = string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "\"leaf\"" + new string('}', 64);

        var created = await emulator.PostAsync(emulator.Workplaces, "{\"workplace_type\":\"Mobile\",\"name\":\"Deep\",\"meta_data\":" + value + "}");
        created.ShouldBe(HttpStatusCode.OK);

        var listed = Page(await emulator.GetAsync(emulator.Workplaces + "?presentation=full")).GetProperty("items")[0];
        Assert.Equal(64, Depth(listed.GetProperty("meta_data")));
    }
}
