using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Resources;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Workplace_GoesThroughCreateArchiveRestoreActivateAndDeactivate()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var context = RequestContext.None;

        var created = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Courier 7" }, context);
        var archived = await client.ArchiveWorkplaceAsync(org, created.Id, context);
        Assert.NotNull(archived);
        Assert.True(archived!.IsArchived);
        Assert.NotNull(archived.ArchivedAt);

        var restored = await client.UnarchiveWorkplaceAsync(org, created.Id, context);
        Assert.False(restored!.IsArchived);

        var employee = await emulator.EmployeeAsync();
        var code = await client.GenerateActivationCodeAsync(org, created.Id, employee, null, false, context);
        Assert.Matches("^[0-9]{8}$", code);

        var activation = await client.ActivateWorkplaceAsync(code, context);
        Assert.Equal(created.Id, activation.WorkplaceId);
        Assert.Equal(org, activation.OrganizationId);
        Assert.Equal(employee, activation.EmployeeId);
        Assert.NotNull(activation.Token);
        Assert.True(activation.Token!.IsReadOnly());
        Assert.True(activation.Token.Length > 0);
        Assert.Null(activation.Note);
        Assert.DoesNotContain(LiveEmulator.Reveal(activation.Token), activation.ToString());

        var active = await client.GetWorkplaceAsync(org, created.Id, context);
        Assert.True(active.IsActivated);
        Assert.NotNull(active.ActivatedAt);

        var deactivated = await client.DeactivateWorkplaceAsync(org, created.Id, context);
        Assert.False(deactivated!.IsActivated);
        Assert.Null(deactivated.ActivatedAt);
    }

    [Fact]
    public async Task ActivationCode_WithSmsAndOutletIsRecordedByTheService()
    {
        await using var emulator = await LiveEmulator.StartAsync(o =>
        {
            o.Employees = 3;
            o.Outlets = 1;
        });
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var workplace = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Stationary, Name = "Till" }, RequestContext.None);
        var employee = await emulator.EmployeeAsync(withPhone: true);
        var outlet = await emulator.OutletAsync();

        var code = await client.GenerateActivationCodeAsync(org, workplace.Id, employee, outlet, true, RequestContext.None);

        var sms = Assert.Single((await emulator.StatsAsync()).GetProperty("sms").EnumerateArray());
        Assert.Equal(code, sms.GetProperty("activation_code").GetString());
        Assert.Equal(employee, sms.GetProperty("employee").GetGuid());
        Assert.Equal(outlet, sms.GetProperty("outlet").GetGuid());
        Assert.Matches(@"^\+7[0-9 \-]{10,}$", sms.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Organizations_ListTheOrganizationsTheTokenReaches()
    {
        var second = Guid.NewGuid();
        await using var emulator = await LiveEmulator.StartAsync(o =>
        {
            o.Organizations.Add(Guid.Parse("9d5f1c2a-0000-4000-8000-000000000001"));
            o.Organizations.Add(second);
        });
        using var client = emulator.CreateClient();

        var organizations = await client.GetOrganizationsAsync(RequestContext.None);

        Assert.Equal(2, organizations.Count);
        Assert.Contains(organizations, o => o.Id == second);
        Assert.All(organizations, o => Assert.False(string.IsNullOrEmpty(o.ToString())));
    }

    [Fact]
    public async Task RawRequests_ReturnJsonAndFollowEveryPage()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 45);
        using var client = emulator.CreateClient();

        var orgs = await client.SendRawAsync("GET", "/orgs", null, RequestContext.None);
        var items = client.SendRawAllPages($"orgs/{emulator.OrganizationId}/workplaces?items_per_page=20", RequestContext.None).ToList();
        var created = await client.SendRawAsync("POST", $"/orgs/{emulator.OrganizationId}/workplaces", """{"workplace_type":"Mobile","name":"Raw"}""", RequestContext.None);

        Assert.Equal(System.Text.Json.JsonValueKind.Object, orgs!.Value.ValueKind);
        Assert.Equal(45, items.Count);
        Assert.Equal(45, items.Select(i => i.GetProperty("guid").GetGuid()).Distinct().Count());
        Assert.Equal("Raw", created!.Value.GetProperty("name").GetString());
        Assert.Throws<ArgumentException>(() => client.SendRawAllPages("https://elsewhere.example/orgs", RequestContext.None).ToList());
    }
}
