namespace LifePos.Emulator.Tests.Endpoints;

public sealed class AuthEndpointTests
{
    [Fact]
    public async Task SignIn_IssuesFreshTokensThatWork_AndRawTokenWithoutBearerIsAccepted()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Accounts.Add("+7 (912) 345-67-89:secret12:Administrator"));
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
    public async Task MultipleOrganizations_AreAllReachable_AndListedByOrgs()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o =>
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

    [Theory]
    [InlineData("+79990000000", "wrong-password")]
    [InlineData("+79991111111", "password1")]
    public async Task WrongCredentials_Are401(string phone, string password)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone, password })).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "nope-nope" })).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task InvalidSignInBodies_Are422()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "123", password = "password1" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in-by-phone", new { phone = "+79990000000", password = "12345" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in", new { full_username = "admin@example.com", password = "password1", response_type = "Cookie" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/sign-in", "{not json")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }
}
