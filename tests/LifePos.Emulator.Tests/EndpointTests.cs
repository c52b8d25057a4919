using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace LifePos.Emulator.Tests;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("")]
    [InlineData("v6/")]
    public async Task EveryWorkplaceEndpoint_AnswersWithAndWithoutV6(string prefix)
    {
        await using var emulator = await TestEmulator.StartAsync();
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

    [Fact]
    public async Task Create_ReturnsTheFullWorkplaceShape()
    {
        await using var emulator = await TestEmulator.StartAsync();
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
        await using var emulator = await TestEmulator.StartAsync(o => o.Seed = 3);
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
    public async Task SignIn_IssuesFreshTokensThatWork_AndRawTokenWithoutBearerIsAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Accounts.Add("+7 (912) 345-67-89:secret12:Administrator"));
        var first = (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "79123456789", password = "secret12" })).Json.GetProperty("token").GetString()!;
        var second = (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "+79123456789", password = "secret12" })).Json.GetProperty("token").GetString()!;
        Assert.Equal(44, first.Length);
        Assert.NotEqual(first, second);

        var answer = await emulator.SendAsync(HttpMethod.Get, emulator.Workplaces, adjust: r => r.Headers.TryAddWithoutValidation("Authorization", first));
        answer.ShouldBe(HttpStatusCode.OK);
        var created = await emulator.SendAsync(HttpMethod.Post, emulator.Workplaces, new { workplace_type = "Unknown" },
            adjust: r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + second));
        created.ShouldBe(HttpStatusCode.OK);

        // Configured accounts replace the defaults.
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "+79990000000", password = "password1" })).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task ConcurrentCreates_GetUniqueConsecutiveNumbers()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => emulator.CreateAsync("Mobile")));
        Assert.Equal(Enumerable.Range(1, 100), answers.Select(a => a.Json.GetProperty("number").GetInt32()).Order());
        var stats = await emulator.StatsAsync();
        Assert.Equal(100, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        Assert.Equal(100, stats.GetProperty("requests").GetProperty("create").GetProperty("by_status").GetProperty("200").GetInt32());
    }

    [Fact]
    public async Task MultipleOrganizations_AreAllReachable_AndListedByOrgs()
    {
        var second = Guid.NewGuid();
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.Organizations.Add(Guid.Parse("11111111-2222-4333-8444-555555555555"));
            o.Organizations.Add(second);
        });
        Assert.Equal(Guid.Parse("11111111-2222-4333-8444-555555555555"), emulator.Org);
        var orgs = await emulator.GetAsync("orgs");
        Assert.Equal(2, orgs.Json.GetProperty("items").GetArrayLength());
        var created = await emulator.PostAsync($"orgs/{second}/workplaces", new { workplace_type = "Mobile" });
        created.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, created.Json.GetProperty("number").GetInt32());
        Assert.Equal(0, (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").GetArrayLength());
    }
}
