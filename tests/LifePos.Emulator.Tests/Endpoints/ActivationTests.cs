namespace LifePos.Emulator.Tests.Endpoints;

public sealed class ActivationTests
{
    private static async Task<string> CodeAsync(EmulatorFixture emulator, string workplace, bool sendSms = false, string? employee = null, object? outlet = null)
    {
        var answer = await emulator.PostAsync($"v6/{emulator.Workplaces}/{workplace}:generate-activation-code",
            await emulator.CodeRequestAsync(sendSms, employee, outlet));
        answer.ShouldBe(HttpStatusCode.OK);
        var code = answer.Json.GetProperty("activation_code").GetString()!;
        Assert.Matches("^[0-9]{8}$", code);
        return code;
    }

    [Fact]
    public async Task Activation_SetsActivatedAt_ReturnsRefsAndAToken_AndTheCodeWorksOnce()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Outlets = 1);
        var workplace = (await emulator.CreateAsync()).Guid;
        var outlet = (await emulator.GetAsync($"orgs/{emulator.Org}/outlets")).Json.GetProperty("items")[0].GetProperty("guid").GetString();
        var code = await CodeAsync(emulator, workplace, outlet: new { guid = outlet, type_of = "Outlet" });

        var answer = await emulator.PostAsync("v6/auth/activate-workplace", new { activation_code = code });
        answer.ShouldBe(HttpStatusCode.OK);
        var json = answer.Json;
        Assert.Equal(workplace, json.GetProperty("workplace").GetProperty("guid").GetString());
        Assert.Equal("Workplace", json.GetProperty("workplace").GetProperty("type_of").GetString());
        Assert.Equal(emulator.Org.ToString(), json.GetProperty("organization").GetProperty("guid").GetString());
        Assert.Equal(outlet, json.GetProperty("outlet").GetProperty("guid").GetString());
        Assert.Equal("Outlet", json.GetProperty("outlet").GetProperty("type_of").GetString());
        Assert.Equal((await emulator.MeAsync()).GetProperty("guid").GetString(), json.GetProperty("employee").GetProperty("guid").GetString());
        var workplaceToken = json.GetProperty("token").GetString()!;
        Assert.Equal(44, workplaceToken.Length);
        Assert.NotEqual(JsonValueKind.Null, (await emulator.GetAsync($"{emulator.Workplaces}/{workplace}")).Json.GetProperty("activated_at").ValueKind);

        (await emulator.PostAsync("v6/auth/activate-workplace", new { activation_code = code })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");

        // The workplace token reads its organization; deactivation revokes it.
        var asWorkplace = await emulator.SendAsync(HttpMethod.Get, emulator.Workplaces, adjust: r => r.Headers.Authorization = new("Bearer", workplaceToken));
        asWorkplace.ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync($"{emulator.Workplaces}/{workplace}:deactivate")).ShouldBe(HttpStatusCode.OK);
        (await emulator.SendAsync(HttpMethod.Get, emulator.Workplaces, adjust: r => r.Headers.Authorization = new("Bearer", workplaceToken)))
            .ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task ACode_LivesExactlyItsLifetime_OnTheEmulatorClock()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.ActivationCodeLifetime = TimeSpan.FromSeconds(60));
        await emulator.ClockAsync(frozen: true);
        var workplace = (await emulator.CreateAsync()).Guid;
        var first = await CodeAsync(emulator, workplace);
        var second = await CodeAsync(emulator, workplace);
        await emulator.ClockAsync(advanceSeconds: 59.999);
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = first })).ShouldBe(HttpStatusCode.OK);
        await emulator.ClockAsync(advanceSeconds: 0.001);
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = second })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");
    }

    [Fact]
    public async Task FiveWrongCodes_BanTheClient_UntilReset()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var code = await CodeAsync(emulator, (await emulator.CreateAsync()).Guid);
        var wrong = code == "00000000" ? "11111111" : "00000000";
        for (var i = 0; i < 5; i++)
            (await emulator.PostAsync("auth/activate-workplace", new { activation_code = wrong })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");
        var banned = await emulator.PostAsync("auth/activate-workplace", new { activation_code = code });
        banned.ShouldBeError(HttpStatusCode.TooManyRequests, "TryActivateLater");
        Assert.True(banned.Headers.RetryAfter!.Delta > TimeSpan.FromHours(23));

        await emulator.ControlAsync("reset");
        var fresh = await CodeAsync(emulator, (await emulator.CreateAsync()).Guid);
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = fresh })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARightCode_ResetsTheWrongCodeCount()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var workplace = (await emulator.CreateAsync()).Guid;
        for (var i = 0; i < 4; i++)
            (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "1" })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = await CodeAsync(emulator, workplace) })).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 4; i++)
            (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "2" })).ShouldBeError(HttpStatusCode.Unauthorized, "WrongActivationCode");
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = await CodeAsync(emulator, workplace) })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InvalidRequests_Are422()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var url = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}:generate-activation-code";
        (await emulator.PostAsync(url, new { send_sms = true })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync(url, new { employee = new { guid = "nope" } })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "12ab" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PostAsync("auth/activate-workplace", new { activation_code = "123456789" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task SendSms_GoesToTheEmployeesPhone_AndIsRecordedInStats()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Employees = 1; o.Outlets = 2; });
        var employee = (await emulator.EmployeeAsync("ivanov1")).GetProperty("guid").GetString()!;
        var outlet = (await emulator.GetAsync($"orgs/{emulator.Org}/outlets")).Json.GetProperty("items")[1].GetProperty("guid").GetString();
        var workplace = (await emulator.CreateAsync()).Guid;
        var code = await CodeAsync(emulator, workplace, sendSms: true, employee: employee);
        await CodeAsync(emulator, workplace, sendSms: false, employee: employee);
        await CodeAsync(emulator, workplace, sendSms: true, employee: employee, outlet: new { guid = outlet, type_of = "Outlet" });
        var sms = (await emulator.StatsAsync()).GetProperty("sms");
        Assert.Equal(2, sms.GetArrayLength());
        Assert.Equal(outlet, sms[1].GetProperty("outlet").GetString());
        Assert.Equal(workplace, sms[0].GetProperty("workplace").GetString());
        Assert.Equal(employee, sms[0].GetProperty("employee").GetString());
        Assert.Equal("+7 900 123-45-61", sms[0].GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, sms[0].GetProperty("outlet").ValueKind);
        Assert.Equal(code, sms[0].GetProperty("activation_code").GetString());
    }

    [Fact]
    public async Task TheEmployee_MustBeOneOfTheOrganization_AndHaveAPhoneForSms()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Organizations.Add(Guid.NewGuid()); o.Organizations.Add(second); });
        var url = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}:generate-activation-code";
        var unknown = Guid.NewGuid().ToString();
        var answer = await emulator.PostAsync(url, await emulator.CodeRequestAsync(employee: unknown));
        answer.ShouldBeError(HttpStatusCode.UnprocessableEntity, "ReferenceNotFound");
        Assert.Contains(unknown, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);

        var elsewhere = (await emulator.GetAsync($"orgs/{second}/me")).Guid;
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(employee: elsewhere))).ShouldBeError(HttpStatusCode.UnprocessableEntity, "ReferenceNotFound");

        // The ready token's Owner has no phone.
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: true))).ShouldBeError(HttpStatusCode.UnprocessableEntity, "PhoneIsNotFound");
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: false))).ShouldBe(HttpStatusCode.OK);
        var outlet = Guid.NewGuid().ToString();
        var noOutlet = await emulator.PostAsync(url, await emulator.CodeRequestAsync(outlet: new { guid = outlet, type_of = "Outlet" }));
        noOutlet.ShouldBeError(HttpStatusCode.UnprocessableEntity, "ReferenceNotFound");
        Assert.Contains(outlet, noOutlet.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("sms").GetArrayLength());
    }

    [Fact]
    public async Task SmsInterval_RefusesASecondSmsToThePhone_With429TrySendCodeLaterAndRetryAfter()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Employees = 2; o.SmsInterval = TimeSpan.FromSeconds(60); });
        await emulator.ClockAsync(frozen: true);
        var ivanov = (await emulator.EmployeeAsync("ivanov1")).GetProperty("guid").GetString()!;
        var petrova = (await emulator.EmployeeAsync("petrova2")).GetProperty("guid").GetString()!;
        var url = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}:generate-activation-code";
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: true, employee: ivanov))).ShouldBe(HttpStatusCode.OK);

        await emulator.ClockAsync(advanceSeconds: 20.5);
        var refused = await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: true, employee: ivanov));
        refused.ShouldBeError(HttpStatusCode.TooManyRequests, "TrySendCodeLater");
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter!.Delta);
        // No SMS, no problem; another phone has its own interval.
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: false, employee: ivanov))).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: true, employee: petrova))).ShouldBe(HttpStatusCode.OK);

        await emulator.ClockAsync(advanceSeconds: 39.5);
        (await emulator.PostAsync(url, await emulator.CodeRequestAsync(sendSms: true, employee: ivanov))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, (await emulator.StatsAsync()).GetProperty("sms").GetArrayLength());
        var stats = await emulator.StatsAsync();
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("generate-activation-code").GetProperty("by_status").GetProperty("429").GetInt32());
    }
}
