namespace LifePos.Emulator.Tests.Pipeline;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("v6/")]
    public async Task EveryWorkplaceEndpoint_AnswersWithAndWithoutV6(string prefix)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var workplaces = prefix + emulator.Workplaces;

        var orgs = await emulator.GetAsync(prefix + "orgs");
        orgs.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(emulator.Org.ToString(), orgs.Json.GetProperty("items")[0].GetProperty("guid").GetString());
        Assert.Equal("Organization", orgs.Json.GetProperty("items")[0].GetProperty("type_of").GetString());

        var created = await emulator.PostAsync(workplaces, new { workplace_type = "Mobile", name = "Касса у входа", meta = "зал 1" });
        created.ShouldBe(HttpStatusCode.OK);
        var id = created.Guid;
        Assert.Equal("Workplace", created.Json.GetProperty("type_of").GetString());
        Assert.Equal(1, created.Json.GetProperty("number").GetInt32());

        var list = await emulator.GetAsync(workplaces);
        list.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(id, list.Json.GetProperty("items")[0].GetProperty("guid").GetString());

        (await emulator.GetAsync($"{workplaces}/{id}")).ShouldBe(HttpStatusCode.OK);
        var patched = await emulator.PatchAsync($"{workplaces}/{id}", new[] { new { op = "replace", path = "/name", value = "Новое имя" } });
        patched.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Новое имя", patched.Json.GetProperty("name").GetString());

        var code = await emulator.PostAsync($"{workplaces}/{id}:generate-activation-code", await emulator.CodeRequestAsync());
        code.ShouldBe(HttpStatusCode.OK);
        var activated = await emulator.PostAsync(prefix + "auth/activate-workplace", new { activation_code = code.Json.GetProperty("activation_code").GetString() });
        activated.ShouldBe(HttpStatusCode.OK);

        var deactivated = await emulator.PostAsync($"{workplaces}/{id}:deactivate");
        deactivated.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, deactivated.Json.GetProperty("activated_at").ValueKind);

        var archived = await emulator.DeleteAsync($"{workplaces}/{id}");
        archived.ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, archived.Json.GetProperty("deleted_at").ValueKind);

        var restored = await emulator.PostAsync($"{workplaces}/{id}:unarchive");
        restored.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, restored.Json.GetProperty("deleted_at").ValueKind);

        var byPhone = await emulator.PostAsync(prefix + "auth/sign-in-by-phone", new { phone = "+79990000000", password = "password1" });
        byPhone.ShouldBe(HttpStatusCode.OK);
        var byName = await emulator.PostAsync(prefix + "auth/sign-in", new { full_username = "admin@example.com", password = "password1", response_type = "Token" });
        byName.ShouldBe(HttpStatusCode.OK);

        var stats = await emulator.StatsAsync();
        foreach (var endpoint in new[] { "orgs", "create", "list", "get", "update", "generate-activation-code", "activate", "deactivate", "archive", "unarchive", "sign-in-by-phone", "sign-in" })
            Assert.Equal(1, stats.GetProperty("requests").GetProperty(endpoint).GetProperty("by_status").GetProperty("200").GetInt32());
    }
}
