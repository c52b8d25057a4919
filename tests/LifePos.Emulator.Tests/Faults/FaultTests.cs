using System.Diagnostics;
using System.Globalization;

namespace LifePos.Emulator.Tests.Faults;

public sealed class FaultTests
{
    private static async Task<string[]> FaultSequenceAsync(int seed)
    {
        await using var emulator = await EmulatorFixture.StartAsync(o =>
        {
            o.Faults = "500=0.2,503=0.1,drop-before=0.1,bad-shape=0.1";
            o.FaultSeed = seed;
        });
        var outcomes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            try
            {
                var answer = await emulator.GetAsync("orgs");
                outcomes.Add(answer.Body.Contains("unexpected", StringComparison.Ordinal) ? "bad-shape" : ((int)answer.Status).ToString(CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        }
        return outcomes.ToArray();
    }

    [Fact]
    public async Task TheSameFaultSeed_GivesTheSameFaultSequence()
    {
        var first = await FaultSequenceAsync(45);
        var second = await FaultSequenceAsync(45);
        Assert.Equal(first, second);
        Assert.Contains("500", first);
        Assert.Contains("503", first);
        Assert.Contains("dropped", first);
        Assert.Contains("bad-shape", first);
        Assert.Contains("200", first);
        Assert.NotEqual(first, await FaultSequenceAsync(46));
    }

    [Fact]
    public async Task DropAfter_CreatesTheWorkplace_ButAnswersNothing()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { next = new[] { "drop-after" }, next_endpoint = "create" }, HttpMethod.Put);
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile", name = "lost answer" }));
        var items = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items");
        Assert.Equal("lost answer", items[0].GetProperty("name").GetString());
        var stats = await emulator.StatsAsync();
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("create").GetProperty("by_status").GetProperty("dropped").GetInt32());
        Assert.Equal(1, stats.GetProperty("faults").GetProperty("drop-after").GetInt32());
    }

    [Fact]
    public async Task DropBefore_AbortsWithoutProcessing()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { next = new[] { "drop-before" } }, HttpMethod.Put);
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile" }));
        Assert.Equal(0, (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NextStatusFaultsAndForcedErrors_AreAnsweredInOrder_WithJsonBodiesAndRetryAfter()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { next = new[] { "503", "429", "500", "502", "504", "422:NotificationsAreOutOfService", "429:TrySendCodeLater", "401:WrongUsernameOrPassword" } }, HttpMethod.Put);
        var expected = new (HttpStatusCode Status, string Code, bool RetryAfter)[]
        {
            (HttpStatusCode.ServiceUnavailable, "TryLater", true), (HttpStatusCode.TooManyRequests, "TooManyRequests", true),
            (HttpStatusCode.InternalServerError, "InternalServerError", false), (HttpStatusCode.BadGateway, "BadGateway", false),
            (HttpStatusCode.GatewayTimeout, "GatewayTimeout", false), (HttpStatusCode.UnprocessableEntity, "NotificationsAreOutOfService", false),
            (HttpStatusCode.TooManyRequests, "TrySendCodeLater", true), (HttpStatusCode.Unauthorized, "WrongUsernameOrPassword", false),
        };
        foreach (var (status, code, retryAfter) in expected)
        {
            var answer = await emulator.GetAsync("orgs");
            answer.ShouldBeError(status, code);
            Assert.Equal(retryAfter, answer.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1));
        }
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        var stats = await emulator.StatsAsync();
        Assert.Equal(9, stats.GetProperty("requests").GetProperty("orgs").GetProperty("total").GetInt32());
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("orgs").GetProperty("by_status").GetProperty("503").GetInt32());
        Assert.Equal(2, stats.GetProperty("requests").GetProperty("orgs").GetProperty("by_status").GetProperty("429").GetInt32());
        Assert.Equal(1, stats.GetProperty("faults").GetProperty("504").GetInt32());
        Assert.Equal(1, stats.GetProperty("faults").GetProperty("429:TrySendCodeLater").GetInt32());
    }

    [Fact]
    public async Task BadAnswerFaults_Are200sWithBrokenBodies()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 2);
        await emulator.ControlAsync("faults", new { next = new[] { "html", "empty", "truncated", "bad-shape" }, next_endpoint = "list" }, HttpMethod.Put);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);

        var html = await emulator.GetAsync(emulator.Workplaces);
        html.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", html.ContentType);
        Assert.StartsWith("<!DOCTYPE html>", html.Body, StringComparison.Ordinal);

        var empty = await emulator.GetAsync(emulator.Workplaces);
        empty.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("", empty.Body);

        var truncated = await emulator.GetAsync(emulator.Workplaces);
        truncated.ShouldBe(HttpStatusCode.OK);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(truncated.Body));

        var badShape = await emulator.GetAsync(emulator.Workplaces);
        Assert.True(badShape.Json.GetProperty("unexpected").GetBoolean());

        Assert.Equal(2, (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Faults_NeverTouchControlEndpoints_AndCanBeTurnedOff()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Faults = "500=1");
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.InternalServerError, "InternalServerError");
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("faults").GetProperty("500").GetInt32());
        await emulator.ControlAsync("faults", new { faults = "" }, HttpMethod.Put);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);

        var invalid = await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", new { faults = "418=0.5" });
        invalid.ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task Latency_DelaysTheAnswer_AndIsCountedApartFromTheServerTime()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await emulator.ControlAsync("faults", new { latency_ms = 400, jitter_ms = 0 }, HttpMethod.Put);
        var watch = Stopwatch.StartNew();
        var answer = await emulator.GetAsync("orgs");
        watch.Stop();
        answer.ShouldBe(HttpStatusCode.OK);
        Assert.True(watch.ElapsedMilliseconds >= 390, $"took {watch.ElapsedMilliseconds} ms");
        Assert.StartsWith("app;dur=", answer.Headers.GetValues("Server-Timing").Single(), StringComparison.Ordinal);

        await emulator.ControlAsync("faults", new { latency_ms = 0, rate_limit = 0 }, HttpMethod.Put);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        var stats = await emulator.StatsAsync();
        var latency = stats.GetProperty("latency_ms").GetProperty("orgs");
        Assert.Equal(1, latency.GetProperty("count").GetInt32());
        Assert.Equal(400, latency.GetProperty("total").GetInt32());
        Assert.Equal(2, stats.GetProperty("server_time_ms").GetProperty("orgs").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("42:X")]
    [InlineData("422:")]
    [InlineData("700:Teapot")]
    [InlineData("422:Bad-Code")]
    [InlineData("abc:Code")]
    [InlineData("422:9Lives")]
    public async Task AForcedErrorEntry_NeedsAStatusFrom400To599AndACodeName(string entry)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        (await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", new { next = new[] { entry } })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task AForcedError_CanWaitForItsEndpoint()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Employees = 1);
        var url = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}:generate-activation-code";
        var body = await emulator.CodeRequestAsync(sendSms: true, employee: (await emulator.EmployeeAsync("ivanov1")).GetProperty("guid").GetString());
        await emulator.ControlAsync("faults", new { next = new[] { "422:NotificationsAreOutOfService" }, next_endpoint = "generate-activation-code" }, HttpMethod.Put);
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync(url, body)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotificationsAreOutOfService");
        (await emulator.PostAsync(url, body)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("sms").GetArrayLength());
    }
}
