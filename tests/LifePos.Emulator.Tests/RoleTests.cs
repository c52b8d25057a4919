using LifePos.Emulator.State;

namespace LifePos.Emulator.Tests;

public sealed class RoleTests
{
    private static async Task<TestEmulator> SignedInAsAsync(string role)
    {
        var emulator = await TestEmulator.StartAsync(o => o.Accounts.Add($"{role.ToLowerInvariant()}@example.com:password1:{role}"));
        var token = (await emulator.PostAsync("auth/sign-in", new { full_username = $"{role.ToLowerInvariant()}@example.com", password = "password1" }))
            .Json.GetProperty("token").GetString();
        emulator.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return emulator;
    }

    [Fact]
    public async Task TheReadyToken_IsTheOwnerEmployeeOfEveryOrganization()
    {
        var second = Guid.NewGuid();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Organizations.Add(Guid.NewGuid()); o.Organizations.Add(second); });
        var me = await emulator.MeAsync();
        Assert.Equal("Владелец Эмулятора", me.GetProperty("name").GetString());
        Assert.Equal("Owner", me.GetProperty("role").GetProperty("name").GetString());
        Assert.Equal("Employee", me.GetProperty("type_of").GetString());
        var there = await emulator.GetAsync($"v6/orgs/{second}/me?include_permissions=false");
        there.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(second.ToString(), there.Json.GetProperty("organization").GetProperty("guid").GetString());
        Assert.NotEqual(me.GetProperty("guid").GetString(), there.Guid);
        Assert.NotEqual(me.GetProperty("role").GetProperty("guid").GetString(), there.Json.GetProperty("role").GetProperty("guid").GetString());
        (await emulator.GetAsync($"orgs/{second}/me?include_permissions=maybe")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.GetAsync($"orgs/{Guid.NewGuid()}/me")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("Administrator")]
    [InlineData("Manager")]
    [InlineData("Cashier")]
    [InlineData("Courier")]
    [InlineData("Guest")]
    public async Task EverySignInAccount_IsAnEmployee_WithItsRole_OnMe(string role)
    {
        await using var emulator = await SignedInAsAsync(role);
        var me = await emulator.MeAsync();
        Assert.Equal(role, me.GetProperty("role").GetProperty("name").GetString());
        var login = $"{role.ToLowerInvariant()}@example.com";
        Assert.Equal(login, me.GetProperty("email").GetString());
        // A username is at most 24 characters: the login's first 24.
        Assert.Equal(login.Length > 24 ? login[..24] : login, me.GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("Cashier")]
    [InlineData("Courier")]
    [InlineData("Guest")]
    public async Task CashierCourierAndGuest_Get403OnEveryRouteButMe(string role)
    {
        await using var emulator = await SignedInAsAsync(role);
        foreach (var path in new[] { "orgs", emulator.Workplaces, $"{emulator.Workplaces}/{Guid.NewGuid()}", $"orgs/{emulator.Org}/employees", $"orgs/{emulator.Org}/employees/{Guid.NewGuid()}" })
            (await emulator.GetAsync(path)).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile" })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync($"orgs/{emulator.Org}/employees", new { })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.GetAsync($"orgs/{emulator.Org}/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Manager_ReadsEmployeesButMayNotCreateThem_AdministratorMay()
    {
        await using var manager = await SignedInAsAsync("Manager");
        (await manager.GetAsync($"orgs/{manager.Org}/employees")).ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"orgs/{manager.Org}/employees", new { })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");

        await using var administrator = await SignedInAsAsync("Administrator");
        var role = (await administrator.MeAsync()).GetProperty("role").GetProperty("guid").GetString();
        (await administrator.PostAsync($"orgs/{administrator.Org}/employees",
            new { name = "Второй Администратор", username = "admin2", phone = "+79015550001", role = new { guid = role, type_of = "Role" } })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWorkplaceToken_Gets403OnMe_ButReadsEmployees()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var workplace = (await emulator.CreateAsync()).Guid;
        var code = (await emulator.PostAsync($"{emulator.Workplaces}/{workplace}:generate-activation-code", await emulator.CodeRequestAsync()))
            .Json.GetProperty("activation_code").GetString();
        var token = (await emulator.PostAsync("auth/activate-workplace", new { activation_code = code })).Json.GetProperty("token").GetString();
        void AsWorkplace(HttpRequestMessage r) => r.Headers.Authorization = new("Bearer", token);
        (await emulator.SendAsync(HttpMethod.Get, $"orgs/{emulator.Org}/me", adjust: AsWorkplace)).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.SendAsync(HttpMethod.Get, $"orgs/{emulator.Org}/employees", adjust: AsWorkplace)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void AccountRoles_AreParsedInAnyCase_AndAnUnknownWordStaysInThePassword()
    {
        Assert.Equal(Role.Courier, Account.Parse("c@example.com:secret:courier").Role);
        Assert.Equal(Role.Guest, Account.Parse("+79990000001:secret:GUEST").Role);
        var account = Account.Parse("x@example.com:pass:word");
        Assert.Equal(Role.Owner, account.Role);
        Assert.Equal("pass:word", account.Password);
    }
}
