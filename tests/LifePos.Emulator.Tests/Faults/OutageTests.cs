namespace LifePos.Emulator.Tests.Faults;

public sealed class OutageTests
{
    private static int Count(System.Text.Json.JsonElement stats, string endpoint, string status) =>
        stats.GetProperty("requests").GetProperty(endpoint).GetProperty("by_status").TryGetProperty(status, out var n) ? n.GetInt32() : 0;

    [Fact]
    public async Task AHang_AnswersNothingUntilTheClientGivesUp_AndIsCounted()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { next = new[] { "hang" } }, HttpMethod.Put);
        var ended = await emulator.SendAndGiveUpAsync(emulator.Workplaces, new { workplace_type = "Mobile" });
        Assert.IsAssignableFrom<OperationCanceledException>(ended);

        var stats = await emulator.StatsAsync();
        Assert.Equal(1, Count(stats, "create", "hung"));
        Assert.Equal(1, stats.GetProperty("faults").GetProperty("hang").GetInt32());
        Assert.Equal(0, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RandomHangs_ComeFromTheFaultMix()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Faults = "hang=1");
        Assert.IsAssignableFrom<OperationCanceledException>(await emulator.SendAndGiveUpAsync(emulator.Workplaces, new { workplace_type = "Mobile" }));
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("faults").GetProperty("hang").GetInt32());
    }

    [Fact]
    public async Task AHang_EndsWhenTheServerStops()
    {
        var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { next = new[] { "hang" } }, HttpMethod.Put);
        using var hanging = await ReceivedRequest.SendAsync(emulator.Http, emulator.Workplaces, new { workplace_type = "Mobile" });
        Assert.False(hanging.Answer.IsCompleted);
        await emulator.DisposeAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => hanging.Answer);
    }

    [Fact]
    public async Task OutageAfter_TakesTheServiceAwayAfterNRequests_UntilItIsLifted()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var answer = await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", new { outage_after = 3 });
        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, answer.Json.GetProperty("outage_after").GetInt32());
        Assert.Equal("reset", answer.Json.GetProperty("outage_mode").GetString());
        for (var i = 0; i < 3; i++) (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync(emulator.Workplaces));
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile" }));

        var stats = await emulator.StatsAsync();
        Assert.Equal(2, stats.GetProperty("faults").GetProperty("outage").GetInt32());
        Assert.Equal(1, Count(stats, "list", "dropped"));
        Assert.Equal(1, Count(stats, "create", "dropped"));
        Assert.Equal(3, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());

        var lifted = await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", new { outage_after = (int?)null });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, lifted.Json.GetProperty("outage_after").ValueKind);
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AHangingOutage_HangsEveryRequest_UntilReset()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { outage_after = 0, outage_mode = "hang" }, HttpMethod.Put);
        Assert.IsAssignableFrom<OperationCanceledException>(await emulator.SendAndGiveUpAsync(emulator.Workplaces, new { workplace_type = "Mobile" }));
        Assert.IsAssignableFrom<OperationCanceledException>(await emulator.SendAndGiveUpAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" }));
        var stats = await emulator.StatsAsync();
        Assert.Equal(1, Count(stats, "create", "hung"));
        Assert.Equal(1, Count(stats, "sign-in", "hung"));

        await emulator.ControlAsync("reset");
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        foreach (var bad in new object[] { new { outage_after = -1 }, new { outage_mode = "flood" }, new { outage_after = "soon" } })
            (await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", bad)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }
}
