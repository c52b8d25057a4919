using LifePos.Emulator.State;

namespace LifePos.Emulator.Tests.State;

public sealed class StaffTests
{
    [Fact]
    public async Task TheReadyToken_IsTheOwnerEmployeeOfEveryOrganization()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Organizations.Add(Guid.NewGuid()); o.Organizations.Add(second); });
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
        await using var emulator = await EmulatorFixture.StartSignedInAsAsync(role);
        var me = await emulator.MeAsync();
        Assert.Equal(role, me.GetProperty("role").GetProperty("name").GetString());
        var login = $"{role.ToLowerInvariant()}@example.com";
        Assert.Equal(login, me.GetProperty("email").GetString());
        // A username is at most 24 characters: the login's first 24.
        Assert.Equal(login.Length > 24 ? login[..24] : login, me.GetProperty("username").GetString());
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
