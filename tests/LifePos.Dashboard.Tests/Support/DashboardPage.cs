using System;
using System.IO;
using System.Threading.Tasks;
using LifePos.Emulator;
using Microsoft.Playwright;

namespace LifePos.Dashboard.Tests.Support;

/// <summary>The dashboard open in a fresh browser context, and the few steps the stories take on it.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, EmulatorServer emulator, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(emulator.BaseAddress.ToString());
        // The first refresh has filled the page once the summary names the organization.
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync(emulator.OrganizationId.ToString("D"));
        return new DashboardPage(context, page);
    }

    public ILocator Table(string id) => Page.Locator($"#{id} tbody");

    /// <summary>Does something on the page and waits until the control API has answered the call it makes.</summary>
    public Task<IResponse> ControlAsync(string method, string path, Func<Task> action) =>
        Page.RunAndWaitForResponseAsync(action, r => r.Request.Method == method && r.Url.EndsWith(path, StringComparison.Ordinal) && r.Ok);

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
