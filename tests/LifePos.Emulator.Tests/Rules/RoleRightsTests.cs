namespace LifePos.Emulator.Tests.Rules;

public sealed class RoleRightsTests
{
    [Fact]
    public async Task Manager_ReadsButGets403OnEveryChange()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Accounts.Add("manager@example.com:password1:Manager"));
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

    [Theory]
    [InlineData("Cashier")]
    [InlineData("Courier")]
    [InlineData("Guest")]
    public async Task CashierCourierAndGuest_Get403OnEveryRouteButMe(string role)
    {
        await using var emulator = await EmulatorFixture.StartSignedInAsAsync(role);
        foreach (var path in new[] { "orgs", emulator.Workplaces, $"{emulator.Workplaces}/{Guid.NewGuid()}", $"orgs/{emulator.Org}/employees", $"orgs/{emulator.Org}/employees/{Guid.NewGuid()}" })
            (await emulator.GetAsync(path)).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync(emulator.Workplaces, new { workplace_type = "Mobile" })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.PostAsync($"orgs/{emulator.Org}/employees", new { })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.GetAsync($"orgs/{emulator.Org}/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Manager_ReadsEmployeesButMayNotCreateThem_AdministratorMay()
    {
        await using var manager = await EmulatorFixture.StartSignedInAsAsync("Manager");
        (await manager.GetAsync($"orgs/{manager.Org}/employees")).ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"orgs/{manager.Org}/employees", new { })).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");

        await using var administrator = await EmulatorFixture.StartSignedInAsAsync("Administrator");
        var role = (await administrator.MeAsync()).GetProperty("role").GetProperty("guid").GetString();
        (await administrator.PostAsync($"orgs/{administrator.Org}/employees",
            new { name = "Второй Администратор", username = "admin2", phone = "+79015550001", role = new { guid = role, type_of = "Role" } })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWorkplaceToken_Gets403OnMe_ButReadsEmployees()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var workplace = (await emulator.CreateAsync()).Guid;
        var code = (await emulator.PostAsync($"{emulator.Workplaces}/{workplace}:generate-activation-code", await emulator.CodeRequestAsync()))
            .Json.GetProperty("activation_code").GetString();
        var token = (await emulator.PostAsync("auth/activate-workplace", new { activation_code = code })).Json.GetProperty("token").GetString();
        void AsWorkplace(HttpRequestMessage r) => r.Headers.Authorization = new("Bearer", token);
        (await emulator.SendAsync(HttpMethod.Get, $"orgs/{emulator.Org}/me", adjust: AsWorkplace)).ShouldBeError(HttpStatusCode.Forbidden, "NoPermissions");
        (await emulator.SendAsync(HttpMethod.Get, $"orgs/{emulator.Org}/employees", adjust: AsWorkplace)).ShouldBe(HttpStatusCode.OK);
    }
}
