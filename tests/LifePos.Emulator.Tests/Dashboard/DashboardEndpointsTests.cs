using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LifePos.Emulator.Tests.Dashboard;

/// <summary>The dashboard's page and the control endpoints it reads; the browser stories are in LifePos.Dashboard.Tests.</summary>
public sealed class DashboardEndpointsTests
{
    [Fact]
    public async Task ThePage_IsServedAtTheRoot_WithItsFiles_AndAsksNoOtherHost()
    {
        await using var emulator = await EmulatorFixture.StartAsync();

        var page = await emulator.Http.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/_emulator/dashboard/dashboard.js", html, StringComparison.Ordinal);
        foreach (var file in new[] { "index.html", "dashboard.css", "dashboard.js" })
        {
            var text = await emulator.Http.GetStringAsync("/_emulator/dashboard/" + file);
            Assert.DoesNotMatch(new Regex("(src|href|url|fetch)\\s*[=(]\\s*['\"]?(https?:)?//", RegexOptions.IgnoreCase), text);
        }
        (await emulator.GetAsync("_emulator/dashboard/secret.txt")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task TheRequestLog_ListsApiRequests_WithStatusFaultAndRequestId_AndResetEmptiesIt()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 2);
        var ok = await emulator.Http.GetAsync($"{emulator.Workplaces}/00000000-0000-4000-8000-000000000000?x=1");
        await emulator.ControlAsync("faults", new { next = new[] { "503" } }, HttpMethod.Put);
        await emulator.GetAsync(emulator.Workplaces);

        var log = (await emulator.GetAsync("_emulator/requests")).Json;
        var items = log.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("GET", items[0].GetProperty("method").GetString());
        Assert.Equal($"/{emulator.Workplaces}/00000000-0000-4000-8000-000000000000?x=1", items[0].GetProperty("path").GetString());
        Assert.Equal("404", items[0].GetProperty("status").GetString());
        Assert.Equal(ok.Headers.GetValues("X-Request-Id").Single(), items[0].GetProperty("request_id").GetString());
        Assert.Equal("503", items[1].GetProperty("status").GetString());
        Assert.Equal("503", items[1].GetProperty("fault").GetString());
        var last = log.GetProperty("last").GetInt64();
        Assert.Empty((await emulator.GetAsync($"_emulator/requests?after={last}")).Json.GetProperty("items").EnumerateArray());

        await emulator.PostAsync("_emulator/reset");
        var cleared = (await emulator.GetAsync("_emulator/requests")).Json;
        Assert.Empty(cleared.GetProperty("items").EnumerateArray());
        Assert.Equal(last, cleared.GetProperty("cleared").GetInt64());
        (await emulator.GetAsync("_emulator/requests?after=soon")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task TheOrganization_HasItsWorkplacesEmployeesOutletsAndTheSmsOutbox_AndFaultsReadBack()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var workplace = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[0].GetProperty("guid").GetString();
        var employee = (await emulator.EmployeeAsync("ivanov1")).GetProperty("guid").GetString();
        var code = (await emulator.PostAsync($"{emulator.Workplaces}/{workplace}:generate-activation-code", await emulator.CodeRequestAsync(sendSms: true, employee: employee))).Json;
        await emulator.ControlAsync("faults", new { faults = "500=0.25", rate_limit = 4 }, HttpMethod.Put);

        var organization = (await emulator.GetAsync("_emulator/organization")).Json;
        Assert.Equal(emulator.Org.ToString(), organization.GetProperty("organization").GetString());
        Assert.Equal(3, organization.GetProperty("workplaces").GetArrayLength());
        Assert.Equal(6 + 3, organization.GetProperty("employees").GetArrayLength());
        Assert.Equal(2, organization.GetProperty("outlets").GetArrayLength());
        var sms = Assert.Single(organization.GetProperty("sms").EnumerateArray());
        Assert.Equal(code.GetProperty("activation_code").GetString(), sms.GetProperty("activation_code").GetString());
        Assert.Equal("+7 900 123-45-61", sms.GetProperty("phone").GetString());
        Assert.Equal(workplace, sms.GetProperty("workplace").GetString());
        Assert.True(sms.TryGetProperty("sent_at", out _));
        var faults = (await emulator.GetAsync("_emulator/faults")).Json;
        Assert.Equal("500=0.25", faults.GetProperty("faults").GetString());
        Assert.Equal(4, faults.GetProperty("rate_limit").GetDouble());
    }

    [Fact]
    public async Task Shutdown_StopsTheEmulatorAsCtrlCDoes_AndTheStartupTextSaysWhereEverythingIs()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var lines = StartupText.Lines(emulator.Server).ToArray();
        var address = emulator.Server.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal($"Dashboard: {address}/", lines[1]);
        Assert.Equal($"Connect:   Connect-LifePos -BaseUri {address} -Token (ConvertTo-SecureString '{emulator.Server.Token}' -AsPlainText -Force)", lines[2]);

        var answer = await emulator.PostAsync("_emulator/shutdown");

        Assert.True(answer.Json.GetProperty("stopping").GetBoolean());
        await emulator.Server.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
