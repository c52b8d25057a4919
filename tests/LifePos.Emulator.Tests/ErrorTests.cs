using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace LifePos.Emulator.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("X-LP-Client-Identifier", null)]
    [InlineData("X-LP-Client-Identifier", "not-a-uuid")]
    [InlineData("X-LP-Client-Type", null)]
    [InlineData("X-LP-Client-Type", "Robot")]
    [InlineData("Accept-Language", null)]
    public async Task MissingOrInvalidHeader_Is422NamingTheHeader(string header, string? value)
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Http.DefaultRequestHeaders.Remove(header);
        var answer = await emulator.SendAsync(HttpMethod.Get, emulator.Workplaces, adjust: r =>
        {
            if (value is not null) r.Headers.TryAddWithoutValidation(header, value);
        });
        answer.ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        Assert.Contains(header, answer.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task SignInAndActivation_NeedHeadersButNoToken()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" })).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "12345678" })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");
        emulator.Http.DefaultRequestHeaders.Remove("X-LP-Client-Type");
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "12345678" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer unknown-token")]
    public async Task MissingOrUnknownToken_Is401(string? authorization)
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        var answer = await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r =>
        {
            if (authorization is not null) r.Headers.TryAddWithoutValidation("Authorization", authorization);
        });
        answer.ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Theory]
    [InlineData("+79990000000", "wrong-password")]
    [InlineData("+79991111111", "password1")]
    public async Task WrongCredentials_Are401(string phone, string password)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone, password })).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "nope-nope" })).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task InvalidSignInBodies_Are422()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "123", password = "password1" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "+79990000000", password = "12345" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1", response_type = "Cookie" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in", "{not json")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task Manager_ReadsButGets403OnEveryChange()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Accounts.Add("manager@example.com:password1:Manager"));
        var id = (await emulator.CreateAsync()).Guid;
        var token = (await emulator.PostAsync("auth/sign-in", new { full_username = "manager@example.com", password = "password1" })).Json.GetProperty("token").GetString();
        emulator.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var wp = $"{emulator.Workplaces}/{id}";

        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync(wp)).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile" })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PatchAsync(wp, new[] { new { op = "replace", path = "/name", value = "x" } })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.DeleteAsync(wp)).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync($"{wp}:unarchive")).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync($"{wp}:deactivate")).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync($"{wp}:generate-activation-code", new { employee = new { guid = Guid.NewGuid(), type_of = "Employee" } }))
            .ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
    }

    [Fact]
    public async Task UnknownOrganizationOrWorkplace_Is404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.GetAsync($"orgs/{Guid.NewGuid()}/workplaces")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.GetAsync("orgs/not-a-guid/workplaces")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        var missing = Guid.NewGuid();
        var answer = await emulator.GetAsync($"{emulator.Workplaces}/{missing}");
        answer.ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        Assert.Contains(missing.ToString(), answer.Json.GetProperty("message").GetString());
        (await emulator.DeleteAsync($"{emulator.Workplaces}/{missing}")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.PostAsync($"{emulator.Workplaces}/{missing}:unarchive")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.GetAsync("no/such/route")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
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
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync(emulator.Workplaces, body)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("workplaces").GetProperty("alive").GetInt32());
    }

    [Fact]
    public async Task ArchivedWorkplace_RefusesPatchDeactivateAndActivationCode()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var wp = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}";
        (await emulator.DeleteAsync(wp)).ShouldBe(HttpStatusCode.OK);
        (await emulator.PatchAsync(wp, new[] { new { op = "replace", path = "/name", value = "x" } })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.PostAsync($"{wp}:deactivate")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.PostAsync($"{wp}:generate-activation-code", new { employee = new { guid = Guid.NewGuid(), type_of = "Employee" } }))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "NotAllowedForArchived");
        (await emulator.GetAsync(wp)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimit_IsASlidingOneSecondWindowPerToken_With429AndRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.RateLimit = 2.9);
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
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ClockAsync(frozen: true);
        await emulator.ControlAsync("faults", new { rate_limit = 0.5 }, HttpMethod.Put);
        (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync("orgs")).ShouldBeError(HttpStatusCode.TooManyRequests, "TooManyRequests");
        await emulator.ControlAsync("faults", new { rate_limit = 0 }, HttpMethod.Put);
        for (var i = 0; i < 5; i++) (await emulator.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
    }
}
