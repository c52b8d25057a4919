using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace LifePos.Dashboard.Tests.Support;

/// <summary>
/// One headless Chromium for every story: Debian's /usr/bin/chromium driven by Playwright's own driver (no browser
/// download). A missing Chromium fails the stories, never skips them: build.ps1 Test installs it as root.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where the stories' screenshots go: out/dashboard/ in the repository.</summary>
    public static string ScreenshotFolder => Path.Combine(Repository.Root, "out", "dashboard");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {Chromium}, and the dashboard's browser tests need it. Install it: sudo apt-get install chromium " +
                "(dotnet pwsh ./build.ps1 Test does this itself when it runs as root).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root (CI, containers) cannot use Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
