namespace LifePos.Emulator.Tests.Endpoints;

public sealed class OutletEndpointTests
{
    [Fact]
    public async Task Seed_GivesEveryOrganizationTwoOutlets_OneWithACloudFiscalizationApiKey()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 1; o.Organizations.Add(Guid.Parse(EmulatorOptions.DefaultOrganization)); o.Organizations.Add(second); });
        var list = await emulator.GetAsync($"orgs/{emulator.Org}/outlets?include_items_total=true");
        list.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("OutletList", list.Json.GetProperty("type_of").GetString());
        Assert.Equal(2, list.Json.GetProperty("items_total").GetInt32());
        var first = list.Json.GetProperty("items")[0];
        string[] fields = ["guid", "type_of", "name", "address", "legal_entity", "brand", "organization", "extensions", "created_at", "updated_at", "deleted_at"];
        Assert.Equal(fields, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Outlet", first.GetProperty("type_of").GetString());
        Assert.Equal("LegalEntity", first.GetProperty("legal_entity").GetProperty("type_of").GetString());
        Assert.Matches("^[0-9a-f]{32}$", first.GetProperty("extensions").GetProperty("lifepay_cloud_fiscalization").GetProperty("api_key").GetString());
        Assert.True(first.GetProperty("extensions").GetProperty("retail_app").GetProperty("turned_on").GetBoolean());
        var other = list.Json.GetProperty("items")[1];
        Assert.False(other.GetProperty("extensions").TryGetProperty("lifepay_cloud_fiscalization", out _));
        Assert.True(other.GetProperty("extensions").TryGetProperty("settlement_methods", out _));
        Assert.Equal(JsonValueKind.Null, other.GetProperty("brand").ValueKind);

        var got = await emulator.GetAsync($"v6/orgs/{emulator.Org}/outlets/{first.GetProperty("guid").GetString()}");
        Assert.Equal(first.GetRawText(), got.Body);
        (await emulator.GetAsync($"orgs/{emulator.Org}/outlets/{Guid.NewGuid()}")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.PostAsync($"orgs/{emulator.Org}/outlets", new { name = "x" })).ShouldBeError(HttpStatusCode.MethodNotAllowed, "NotAllowed");

        var elsewhere = (await emulator.GetAsync($"orgs/{second}/outlets")).Json.GetProperty("items");
        Assert.Equal(2, elsewhere.GetArrayLength());
        Assert.NotEqual(first.GetProperty("guid").GetString(), elsewhere[0].GetProperty("guid").GetString());

        await using var again = await EmulatorFixture.StartAsync(o => o.Seed = 1);
        var rerun = (await again.GetAsync($"orgs/{again.Org}/outlets")).Json.GetProperty("items")[0];
        Assert.Equal(first.GetProperty("guid").GetString(), rerun.GetProperty("guid").GetString());
        Assert.Equal(first.GetProperty("extensions").GetRawText(), rerun.GetProperty("extensions").GetRawText());
    }

    [Fact]
    public async Task TheOutletList_Pages_Searches_AndOrders_LikeTheOthers()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Outlets = 7);
        Assert.Empty((await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").EnumerateArray());
        var url = $"orgs/{emulator.Org}/outlets";
        var page1 = await emulator.GetAsync($"{url}?items_per_page=4&order_by=name_desc");
        var page2 = await emulator.GetAsync($"{url}?page_token={page1.Json.GetProperty("next_page_token").GetString()}");
        var names = page1.Json.GetProperty("items").EnumerateArray().Concat(page2.Json.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(7, names.Length);
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal("", page2.Json.GetProperty("next_page_token").GetString());

        string[] Names(EmulatorAnswer answer) => answer.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["Кофейня на Невском", "Кофейня на Невском 2"], Names(await emulator.GetAsync($"{url}?query={Uri.EscapeDataString("санкт-петербург")}")));
        Assert.Equal(5, Names(await emulator.GetAsync($"{url}?query={Uri.EscapeDataString("лайф маркет")}")).Length);
        Assert.Empty(Names(await emulator.GetAsync($"{url}?selection=archived_only")));
        (await emulator.GetAsync($"{url}?order_by=number_asc")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }
}
