using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Playwright;
using LifePos.Emulator;
using Microsoft.Playwright;
using Xunit;

namespace LifePos.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser while the LifePos module works on the emulator from a child PowerShell: what a
/// script does shows on the page, and what the page switches changes what the script gets. Each story saves a
/// screenshot under out/dashboard/.
/// </summary>
public sealed class DashboardStoriesTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public DashboardStoriesTests(BrowserFixture browser) => _browser = browser;

    private static Task<EmulatorServer> StartEmulatorAsync(int seed = 5) => EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed });

    [Fact]
    public async Task Workplaces_created_by_the_module_appear_in_the_table()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, emulator);

        var run = await ModuleScript.RunAsync(emulator, "'Касса Браузер 1', 'Касса Браузер 2' | ForEach-Object { New-LifePosWorkplace -Name $_ -WorkplaceType Mobile } | Out-Null");

        Assert.True(run.ExitCode == 0, run.Errors);
        await Assertions.Expect(dashboard.Table("workplaces")).ToContainTextAsync("Касса Браузер 1");
        await Assertions.Expect(dashboard.Table("workplaces")).ToContainTextAsync("Касса Браузер 2");
        await Assertions.Expect(dashboard.Table("workplaces").Locator("tr")).ToHaveCountAsync(7);
        await Assertions.Expect(dashboard.Table("requests")).ToContainTextAsync("POST");
        await dashboard.ScreenshotAsync("workplaces-created");
    }

    [Fact]
    public async Task An_activation_code_sent_by_sms_shows_in_the_outbox()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, emulator);

        var run = await ModuleScript.RunAsync(emulator, "(New-LifePosActivationCode -Workplace 2 -Employee '+7 900 123-45-62' -SendSms).Code");

        Assert.True(run.ExitCode == 0, run.Errors);
        var code = run.Output.Trim();
        Assert.Matches("^[0-9]{8}$", code);
        var row = dashboard.Table("outbox").Locator("tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(code);
        await Assertions.Expect(row).ToContainTextAsync("+7 900 123-45-62");
        await Assertions.Expect(row).ToContainTextAsync("#2 Касса 0002");
        await dashboard.ScreenshotAsync("sms-outbox");
    }

    [Fact]
    public async Task The_outage_switched_on_from_the_page_makes_the_next_call_unreachable_and_off_lets_it_work()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, emulator);
        var call = "try { " + ModuleScript.Connect(emulator) + "; (Get-LifePosWorkplace -Number 3).Name } catch { $_.FullyQualifiedErrorId }";

        await dashboard.ControlAsync("PUT", "/_emulator/faults", () => dashboard.Page.Locator("#outage").CheckAsync());
        var down = await ModuleScript.RunAsync(emulator, call, connect: false);
        await Assertions.Expect(dashboard.Table("requests")).ToContainTextAsync("dropped");
        await dashboard.ScreenshotAsync("outage-on");
        await dashboard.ControlAsync("PUT", "/_emulator/faults", () => dashboard.Page.Locator("#outage").UncheckAsync());
        var up = await ModuleScript.RunAsync(emulator, call, connect: false);

        Assert.StartsWith("LifePos.ServiceUnreachable", down.Output.Trim());
        Assert.Equal("Касса 0003", up.Output.Trim());
    }

    [Fact]
    public async Task The_request_log_shows_the_429s_of_a_rate_limited_run_and_reset_empties_it()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, emulator);
        await dashboard.Page.Locator("#rate-limit").FillAsync("2");
        await dashboard.ControlAsync("PUT", "/_emulator/faults", () => dashboard.Page.Locator("#faults button[type=submit]").ClickAsync());

        var run = await ModuleScript.RunAsync(emulator, "1..8 | ForEach-Object { Get-LifePosWorkplace -Number (($_ % 5) + 1) } | Out-Null");

        Assert.True(run.ExitCode == 0, run.Errors);
        await dashboard.Page.Locator("#filter-status").FillAsync("429");
        var rows = dashboard.Table("requests").Locator("tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("429");
        var statuses = await dashboard.Table("requests").Locator("tr td:nth-child(4)").AllTextContentsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, status => Assert.Equal("429", status));
        await dashboard.ScreenshotAsync("rate-limited-429");

        await dashboard.ControlAsync("POST", "/_emulator/reset", () => dashboard.Page.Locator("#reset").ClickAsync());
        await dashboard.Page.Locator("#filter-status").FillAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(dashboard.Page.Locator("#rate-limit")).ToHaveValueAsync("0");
        await dashboard.ScreenshotAsync("after-reset");
    }

    [Fact]
    public async Task A_sync_rehearsed_on_an_imported_copy_shows_its_changes_and_requests()
    {
        var folder = Directory.CreateTempSubdirectory("lifepos-organization-").FullName;
        try
        {
            await using (var source = await StartEmulatorAsync(seed: 8))
            {
                var exported = await ModuleScript.RunAsync(source, $"Set-Location '{folder}'\n" +
                    "Get-LifePosWorkplace -Selection All | Export-Csv workplaces.csv -NoTypeInformation -Encoding utf8\n" +
                    "Get-LifePosEmployee | Export-Csv employees.csv -NoTypeInformation -Encoding utf8\n" +
                    "Get-LifePosOutlet | ConvertTo-Json -Depth 5 | Set-Content outlets.json -Encoding utf8");
                Assert.True(exported.ExitCode == 0, exported.Errors);
            }
            var options = new EmulatorOptions();
            foreach (var file in new[] { "workplaces.csv", "employees.csv", "outlets.json" }) options.Imports.Add(Path.Combine(folder, file));
            await using var copy = await EmulatorServer.StartAsync(options);
            await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, copy);
            await Assertions.Expect(dashboard.Table("workplaces").Locator("tr")).ToHaveCountAsync(8);
            await Assertions.Expect(dashboard.Table("outlets")).ToContainTextAsync("Магазин на Тверской");
            await Assertions.Expect(dashboard.Table("employees")).ToContainTextAsync("Иванов Иван Петрович");

            var csv = Path.Combine(Repository.Root, "examples", "workplaces.csv");
            var run = await ModuleScript.RunAsync(copy, $"Import-Csv '{csv}' | Sync-LifePosWorkplace | Out-Null");

            Assert.True(run.ExitCode == 0, run.Errors);
            await Assertions.Expect(dashboard.Table("workplaces")).ToContainTextAsync("Касса 1 — Тверская");
            await Assertions.Expect(dashboard.Table("requests")).ToContainTextAsync("POST");
            await dashboard.ScreenshotAsync("rehearsed-sync");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_wide_or_narrow()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var dashboard = await DashboardPage.OpenAsync(_browser.Browser, emulator);
        await Assertions.Expect(dashboard.Table("workplaces").Locator("tr")).ToHaveCountAsync(5);

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await dashboard.Page.SetViewportSizeAsync(width, height);
            var result = await dashboard.Page.RunAxe();

            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}) at {width}x{height}: {v.Help}").ToArray();
            Assert.True(serious.Length == 0, string.Join("\n", serious));
            await dashboard.ScreenshotAsync($"accessible-{width}x{height}");
        }
    }
}
