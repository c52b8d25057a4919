using LifePos.Emulator.Answers;

namespace LifePos.Emulator.Tests.Answers;

/// <summary>The presentation and extensions answer variants, and the request log that shows what a client asked for.</summary>
public sealed class ItemViewTests
{
    private static Action<HttpRequestMessage> Declaring(string names) => request => request.Headers.Add(ItemView.ExtensionsHeader, names);

    [Fact]
    public async Task CompactByDefault_LeavesOutExtensionsMetaAndOrganization_UnlessAGetAsksForFull()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "presentation=compact-by-default");
        var created = await emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile", name = "c", meta = "m", meta_data = new { a = 1 } });
        // A create answers in full: only GETs are compact.
        Assert.True(created.Json.TryGetProperty("meta_data", out _));
        var path = $"{emulator.Workplaces}/{created.Guid}";

        var compact = (await emulator.GetAsync(path)).Json;
        foreach (var field in new[] { "extensions", "meta", "meta_data", "organization" }) Assert.False(compact.TryGetProperty(field, out _), field);
        Assert.Equal("c", compact.GetProperty("name").GetString());
        var listed = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[0];
        Assert.False(listed.TryGetProperty("extensions", out _));

        var full = (await emulator.GetAsync(path + "?presentation=full")).Json;
        Assert.Equal("m", full.GetProperty("meta").GetString());
        Assert.True((await emulator.GetAsync(emulator.Workplaces + "?presentation=full")).Json.GetProperty("items")[0].TryGetProperty("organization", out _));
    }

    [Fact]
    public async Task CompactLists_AnswersEveryListingCompact_EvenAskedForFull_ButOneItemInFull()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "presentation=compact-lists");
        var created = await emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile", name = "l", meta = "m" });
        var listed = (await emulator.GetAsync(emulator.Workplaces + "?presentation=full")).Json.GetProperty("items")[0];
        foreach (var field in new[] { "extensions", "meta", "meta_data", "organization" }) Assert.False(listed.TryGetProperty(field, out _), field);
        Assert.Equal("l", listed.GetProperty("name").GetString());

        var one = (await emulator.GetAsync($"{emulator.Workplaces}/{created.Guid}?presentation=full")).Json;
        Assert.Equal("m", one.GetProperty("meta").GetString());
        Assert.True(one.TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task DeclaredOnly_ShowsTheNamedExtensions_AndRefusesToWriteOthers()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "extensions=declared-only");
        var refused = await emulator.SendAsync(HttpMethod.Post, emulator.Workplaces, new { workplace_type = "Mobile", extensions = new { loyalty_x = new { level = 1 } } },
            adjust: Declaring("nadex_soft_pos"));
        refused.ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");

        var created = await emulator.SendAsync(HttpMethod.Post, emulator.Workplaces,
            new { workplace_type = "Mobile", extensions = new { nadex_soft_pos = new { turned_on = true }, loyalty_x = new { level = 2 } } },
            adjust: Declaring("nadex_soft_pos, loyalty_x"));
        created.ShouldBe(HttpStatusCode.OK);
        var path = $"{emulator.Workplaces}/{created.Guid}";

        var seen = (await emulator.SendAsync(HttpMethod.Get, path, adjust: Declaring("nadex_soft_pos"))).Json.GetProperty("extensions");
        Assert.Equal(["nadex_soft_pos"], seen.EnumerateObject().Select(p => p.Name));
        Assert.Empty((await emulator.GetAsync(path)).Json.GetProperty("extensions").EnumerateObject());

        var patch = new object[] { new { op = "add", path = "/extensions/loyalty_x/level", value = 3 } };
        (await emulator.SendAsync(HttpMethod.Patch, path, patch, "application/json-patch+json", Declaring("nadex_soft_pos")))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.SendAsync(HttpMethod.Patch, path, patch, "application/json-patch+json", Declaring("loyalty_x"))).ShouldBe(HttpStatusCode.OK);
        var both = (await emulator.SendAsync(HttpMethod.Get, path, adjust: Declaring("nadex_soft_pos,loyalty_x"))).Json.GetProperty("extensions");
        Assert.Equal(3, both.GetProperty("loyalty_x").GetProperty("level").GetInt32());
        Assert.True(both.GetProperty("nadex_soft_pos").GetProperty("turned_on").GetBoolean());
    }

    [Fact]
    public async Task TheRequestLog_HoldsEachApiRequestsMethodPathAndDeclaredExtensions_UntilAReset()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.SendAsync(HttpMethod.Get, emulator.Workplaces + "?presentation=full", adjust: Declaring("smart_pos"));
        await emulator.GetAsync($"{emulator.Workplaces}/{Guid.NewGuid()}");
        var requests = (await emulator.GetAsync("_emulator/requests")).Json.GetProperty("items");
        Assert.Equal(2, requests.GetArrayLength());
        Assert.Equal("GET", requests[0].GetProperty("method").GetString());
        Assert.EndsWith("/workplaces?presentation=full", requests[0].GetProperty("path").GetString());
        Assert.Equal("smart_pos", requests[0].GetProperty("extensions").GetString());
        Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("extensions").ValueKind);

        await emulator.ControlAsync("reset");
        Assert.Equal(0, (await emulator.GetAsync("_emulator/requests")).Json.GetProperty("items").GetArrayLength());
    }
}
