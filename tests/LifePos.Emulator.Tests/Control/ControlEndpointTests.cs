using System.Globalization;
using LifePos.Emulator.Control;
using LifePos.Emulator.State;

namespace LifePos.Emulator.Tests.Control;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Stats_CountRequestsByEndpointAndStatus_WithServerTimes()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        await emulator.GetAsync(emulator.Workplaces);
        await emulator.GetAsync(emulator.Workplaces);
        await emulator.GetAsync($"{emulator.Workplaces}/{Guid.NewGuid()}");
        var stats = await emulator.StatsAsync();
        Assert.Equal(3, stats.GetProperty("requests_total").GetInt32());
        Assert.Equal(2, stats.GetProperty("requests").GetProperty("list").GetProperty("by_status").GetProperty("200").GetInt32());
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("get").GetProperty("by_status").GetProperty("404").GetInt32());
        var listTime = stats.GetProperty("server_time_ms").GetProperty("list");
        Assert.Equal(2, listTime.GetProperty("count").GetInt32());
        Assert.True(listTime.GetProperty("max").GetDouble() >= listTime.GetProperty("mean").GetDouble());
        Assert.Equal(3, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
    }

    [Fact]
    public async Task Reset_ReturnsToTheStartUpState()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 45);
        var before = (await emulator.GetAsync($"{emulator.Workplaces}?items_per_page=100&selection=all")).Body;
        var first = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[0].GetProperty("guid").GetString();
        await emulator.DeleteAsync($"{emulator.Workplaces}/{first}");
        await emulator.CreateAsync();
        await emulator.ControlAsync("faults", new { faults = "500=1" }, HttpMethod.Put);

        await emulator.ControlAsync("reset");
        var stats = await emulator.StatsAsync();
        Assert.Equal(0, stats.GetProperty("requests_total").GetInt32());
        Assert.Equal(45, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        Assert.Equal(0, stats.GetProperty("workplaces").GetProperty("archived").GetInt32());
        Assert.Equal(before, (await emulator.GetAsync($"{emulator.Workplaces}?items_per_page=100&selection=all")).Body);
        Assert.Equal(46, (await emulator.CreateAsync()).Json.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task RevokeTokens_OneOrAll_ResetRestoresTheConfiguredToken()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Token = "my-own-token-abcdefghijklmnopqrstuvwxyz01234");
        Assert.Equal("my-own-token-abcdefghijklmnopqrstuvwxyz01234", emulator.Server.Token);
        var signedIn = (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" })).Json.GetProperty("token").GetString();

        await emulator.ControlAsync("revoke-tokens", new { token = signedIn });
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r => r.Headers.Authorization = new("Bearer", signedIn)))
            .ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");

        await emulator.ControlAsync("revoke-tokens");
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
        var fresh = (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" })).Json.GetProperty("token").GetString();
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r => r.Headers.Authorization = new("Bearer", fresh))).ShouldBe(HttpStatusCode.OK);

        await emulator.ControlAsync("reset");
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Clock_MovesForward_StandsStillWhenFrozen_AndResetGoesBackToTheSystemTime()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 45);
        var frozen = await emulator.ClockAsync(frozen: true);
        Assert.True(frozen.GetProperty("frozen").GetBoolean());
        var now = DateTimeOffset.Parse(frozen.GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
        var first = DateTimeOffset.Parse((await emulator.CreateAsync()).Json.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
        var second = DateTimeOffset.Parse((await emulator.CreateAsync()).Json.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(now, first);
        Assert.Equal(now, second);

        var later = await emulator.ClockAsync(advanceSeconds: 7200);
        Assert.Equal(now.AddHours(2), DateTimeOffset.Parse(later.GetProperty("now").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(now.AddHours(2), DateTimeOffset.Parse((await emulator.CreateAsync()).Json.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture));

        // Page tokens live an hour of emulator time.
        var token = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("next_page_token").GetString();
        await emulator.ClockAsync(advanceSeconds: 3600);
        (await emulator.GetAsync($"{emulator.Workplaces}?page_token={token}")).ShouldBe(HttpStatusCode.OK);
        var advanced = DateTimeOffset.Parse((await emulator.ClockAsync(advanceSeconds: 1)).GetProperty("now").GetString()!, CultureInfo.InvariantCulture);
        (await emulator.GetAsync($"{emulator.Workplaces}?page_token={token}")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");

        var running = await emulator.ClockAsync(frozen: false);
        Assert.False(running.GetProperty("frozen").GetBoolean());
        (await emulator.SendAsync(HttpMethod.Post, "_emulator/clock", new { advance_seconds = -1 })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        await emulator.ControlAsync("reset");
        var reset = await emulator.ClockAsync();
        Assert.False(reset.GetProperty("frozen").GetBoolean());
        Assert.True(DateTimeOffset.Parse(reset.GetProperty("now").GetString()!, CultureInfo.InvariantCulture) < advanced);
    }

    [Fact]
    public async Task ControlEndpoints_RefuseNonLoopbackClients()
    {
        var control = new ControlEndpoints(new EmulatorState(new EmulatorOptions()), () => throw new InvalidOperationException("Nothing here may stop the emulator."));
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = "/_emulator/reset";
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        var answer = await control.HandleAsync(http);
        Assert.Equal(403, answer.Status);
        Assert.Contains("NoPermissions", System.Text.Encoding.UTF8.GetString(answer.Body.Span), StringComparison.Ordinal);

        http.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;
        Assert.Equal(200, (await control.HandleAsync(http)).Status);
    }

    [Fact]
    public async Task UnknownControlEndpoint_Is404()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        (await emulator.GetAsync("_emulator/nothing")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.GetAsync("_emulator/reset")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
    }
}
