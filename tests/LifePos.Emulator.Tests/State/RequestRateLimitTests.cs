namespace LifePos.Emulator.Tests.State;

public sealed class RequestRateLimitTests
{
    [Fact]
    public async Task RateLimit_IsASlidingOneSecondWindowPerToken_With429AndRetryAfter()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.RateLimit = 2.9);
        await emulator.ClockAsync(frozen: true);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        await emulator.ClockAsync(advanceSeconds: 0.6);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        var limited = await emulator.GetAsync("orgs");
        limited.ShouldBeError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);

        // A second after the first request one slot is free again; refused requests used none.
        await emulator.ClockAsync(advanceSeconds: 0.4);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        // Not fixed windows: the request 0.6 s ago still counts after the second changed.
        await emulator.ClockAsync(advanceSeconds: 0.2);
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        await emulator.ClockAsync(advanceSeconds: 0.4);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);

        // Another token has its own window; sign-in is not limited.
        var other = (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" })).Json.GetProperty("token").GetString();
        emulator.Http.DefaultRequestHeaders.Authorization = new("Bearer", other);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.TooManyRequests, "TooManyRequests");

        var stats = await emulator.StatsAsync();
        Assert.Equal(3, stats.GetProperty("requests").GetProperty("orgs").GetProperty("by_status").GetProperty("429").GetInt32());
    }

    [Fact]
    public async Task RateLimit_CanBeSetAndTurnedOffWhileRunning()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ClockAsync(frozen: true);
        await emulator.ControlAsync("faults", new { rate_limit = 0.5 }, HttpMethod.Put);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        await emulator.ControlAsync("faults", new { rate_limit = 0 }, HttpMethod.Put);
        for (var i = 0; i < 5; i++) (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
    }
}
