namespace LifePos.Emulator.Tests.Pipeline;

public sealed class RequestGateTests
{
    [Theory]
    [InlineData("X-LP-Client-Identifier", null)]
    [InlineData("X-LP-Client-Identifier", "not-a-uuid")]
    [InlineData("X-LP-Client-Type", null)]
    [InlineData("X-LP-Client-Type", "Robot")]
    [InlineData("Accept-Language", null)]
    public async Task MissingOrInvalidHeader_Is422NamingTheHeader(string header, string? value)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
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
        await using var emulator = await EmulatorFixture.StartAsync();
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
        await using var emulator = await EmulatorFixture.StartAsync();
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        var answer = await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r =>
        {
            if (authorization is not null) r.Headers.TryAddWithoutValidation("Authorization", authorization);
        });
        answer.ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task UnknownOrganizationOrWorkplace_Is404()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
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
}
