namespace LifePos.Emulator.Tests.Endpoints;

public sealed class WorkplaceEndpointTests
{
    [Fact]
    public async Task Create_ReturnsTheFullWorkplaceShape()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var created = await emulator.PostAsync(emulator.Workplaces, new
        {
            workplace_type = "automat",
            name = "Касса 1",
            meta = "m",
            meta_data = new { floor = 2, tags = new[] { "a" } },
            extensions = new { smart_pos = new { version = "1.2" }, future_extension = new { x = 1 } },
        });
        created.ShouldBe(HttpStatusCode.OK);
        var json = created.Json;
        string[] fields = ["guid", "type_of", "number", "name", "workplace_type", "activated_at", "organization", "extensions", "meta", "meta_data", "created_at", "updated_at", "deleted_at"];
        Assert.Equal(fields, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Automat", json.GetProperty("workplace_type").GetString());
        Assert.Equal(emulator.Org.ToString(), json.GetProperty("organization").GetProperty("guid").GetString());
        Assert.Equal("Organization", json.GetProperty("organization").GetProperty("type_of").GetString());
        Assert.Equal(1, json.GetProperty("extensions").GetProperty("future_extension").GetProperty("x").GetInt32());
        Assert.Equal(2, json.GetProperty("meta_data").GetProperty("floor").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$", json.GetProperty("created_at").GetString());
        Assert.Contains("app;dur=", created.Headers.GetValues("Server-Timing").Single());

        var second = await emulator.CreateAsync();
        Assert.Equal(2, second.Json.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task ArchiveAndUnarchive_AreIdempotent_AndCountedInStats()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var id = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[0].GetProperty("guid").GetString();
        var first = await emulator.DeleteAsync($"{emulator.Workplaces}/{id}");
        var again = await emulator.DeleteAsync($"{emulator.Workplaces}/{id}");
        again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(first.Json.GetProperty("deleted_at").GetString(), again.Json.GetProperty("deleted_at").GetString());

        var stats = await emulator.StatsAsync();
        Assert.Equal(2, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        Assert.Equal(1, stats.GetProperty("workplaces").GetProperty("archived").GetInt32());

        (await emulator.PostAsync($"{emulator.Workplaces}/{id}:unarchive")).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync($"{emulator.Workplaces}/{id}:unarchive")).ShouldBe(HttpStatusCode.OK);
        stats = await emulator.StatsAsync();
        Assert.Equal(3, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        Assert.Equal(0, stats.GetProperty("workplaces").GetProperty("archived").GetInt32());
    }

    [Fact]
    public async Task ConcurrentCreates_GetUniqueConsecutiveNumbers()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => emulator.CreateAsync("Mobile")));
        Assert.Equal(Enumerable.Range(1, 100), answers.Select(a => a.Json.GetProperty("number").GetInt32()).Order());
        var stats = await emulator.StatsAsync();
        Assert.Equal(100, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        Assert.Equal(100, stats.GetProperty("requests").GetProperty("create").GetProperty("by_status").GetProperty("200").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"workplace_type\":\"Tablet\"}")]
    [InlineData("{\"workplace_type\":\"Mobile\",\"name\":\"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\"}")]
    [InlineData("{\"workplace_type\":\"Mobile\",\"extensions\":[1]}")]
    [InlineData("{\"workplace_type\":\"Mobile\",\"extensions\":{\"smart_pos\":true}}")]
    [InlineData("{\"workplace_type\":\"Mobile\",\"meta_data\":\"text\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task InvalidCreateBody_Is422(string body)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        (await emulator.PostAsync(emulator.Workplaces, body)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("workplaces").GetProperty("alive").GetInt32());
    }

    [Fact]
    public async Task ArchivedWorkplace_RefusesPatchDeactivateAndActivationCode()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var wp = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}";
        (await emulator.DeleteAsync(wp)).ShouldBe(HttpStatusCode.OK);
        (await emulator.PatchAsync(wp, new[] { new { op = "replace", path = "/name", value = "x" } })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.PostAsync($"{wp}:deactivate")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.PostAsync($"{wp}:generate-activation-code", new { employee = new { guid = Guid.NewGuid(), type_of = "Employee" } }))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.GetAsync(wp)).ShouldBe(HttpStatusCode.OK);
    }
}
