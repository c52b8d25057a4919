using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LifePos.Emulator.Tests;

public sealed class CommandLineTests
{
    private const string PinHash = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void NoOptions_GiveTheDocumentedDefaults()
    {
        var options = EmulatorOptions.Parse([]);
        Assert.Equal("http://127.0.0.1:0", options.Urls);
        Assert.Empty(options.Organizations);
        Assert.Null(options.Token);
        Assert.Equal(0, options.Seed);
        Assert.Null(options.Employees);
        Assert.Null(options.Outlets);
        Assert.Equal(0, options.RateLimit);
        Assert.Equal(TimeSpan.FromHours(24), options.ActivationCodeLifetime);
        Assert.Equal(TimeSpan.Zero, options.SmsInterval);
    }

    [Fact]
    public void EveryOption_IsParsed()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        var options = EmulatorOptions.Parse([
            "--urls", "http://127.0.0.1:5080", "--org", $"{a},{b}", "--org", c.ToString(), "--token", "tok",
            "--account", "+79990000001:pw123456:Manager", "--account", "boss:pa:ss", "--seed", "45", "--employees", "12", "--outlets", "3", "--latency-ms", "10",
            "--jitter-ms", "5", "--faults", "500=0.1,503=0.05,429=0.05,502=0.01,504=0.01,drop-before=0.02,drop-after=0.02",
            "--fault-seed", "7", "--rate-limit", "2.5", "--data", "data.json", "--activation-code-lifetime=60", "--sms-interval", "90", "--answers", "errors=problem,dates=zulu",
        ]);
        Assert.Equal("http://127.0.0.1:5080", options.Urls);
        Assert.Equal([a, b, c], options.Organizations);
        Assert.Equal("tok", options.Token);
        Assert.Equal(["+79990000001:pw123456:Manager", "boss:pa:ss"], options.Accounts);
        Assert.Equal(45, options.Seed);
        Assert.Equal(12, options.Employees);
        Assert.Equal(3, options.Outlets);
        Assert.Equal(10, options.LatencyMs);
        Assert.Equal(5, options.JitterMs);
        Assert.Equal(7, options.FaultSeed);
        Assert.Equal(2.5, options.RateLimit);
        Assert.Equal("data.json", options.DataFile);
        Assert.Equal(TimeSpan.FromSeconds(60), options.ActivationCodeLifetime);
        Assert.Equal(TimeSpan.FromSeconds(90), options.SmsInterval);
        Assert.Equal("errors=problem,dates=zulu", options.Answers);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--seed")]
    [InlineData("--seed", "many")]
    [InlineData("--seed", "-1")]
    [InlineData("--employees", "10001")]
    [InlineData("--outlets", "-2")]
    [InlineData("--org", "not-a-guid")]
    [InlineData("--urls", "ftp://127.0.0.1:1")]
    [InlineData("--faults", "418=0.1")]
    [InlineData("--faults", "500=2")]
    [InlineData("--faults", "500=0.6,503=0.6")]
    [InlineData("--faults", "500")]
    [InlineData("--account", "nopassword")]
    [InlineData("--account", "login:")]
    [InlineData("--rate-limit", "fast")]
    [InlineData("--activation-code-lifetime", "0")]
    [InlineData("--sms-interval", "-1")]
    [InlineData("--answers", "errors=xml")]
    [InlineData("--faults", "422:Forced=0.1")]
    [InlineData("--latency-ms", "--seed", "1")]
    public void BadOptions_ThrowAClearArgumentException(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(args));
        Assert.Contains(args[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProcess_PrintsTheStartLine_AndServesTheApi_AndRejectsBadOptions()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "LifePos.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--seed", "45" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync();
            var match = Regex.Match(line ?? "", @"^LIFE POS emulator listening on (http://127\.0\.0\.1:\d+) organization 9d5f1c2a-0000-4000-8000-000000000001 token emulator-token-000000000000000000000000000000$");
            Assert.True(match.Success, line);
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value + "/") };
            http.DefaultRequestHeaders.Add("X-LP-Client-Identifier", Guid.NewGuid().ToString());
            http.DefaultRequestHeaders.Add("X-LP-Client-Type", "Service");
            http.DefaultRequestHeaders.Add("Accept-Language", "en-US");
            http.DefaultRequestHeaders.Add("Authorization", "Bearer emulator-token-000000000000000000000000000000");
            var body = await http.GetStringAsync("orgs/9d5f1c2a-0000-4000-8000-000000000001/workplaces?include_items_total=true");
            Assert.Contains("\"items_total\":45", body, StringComparison.Ordinal);

            // A PIN code hash is served as a field of the employee, and never written to stdout or stderr.
            var me = JsonDocument.Parse(await http.GetStringAsync("orgs/9d5f1c2a-0000-4000-8000-000000000001/me")).RootElement;
            var created = await http.PostAsync("orgs/9d5f1c2a-0000-4000-8000-000000000001/employees", new StringContent(
                $"{{\"name\":\"Секретный Кассир\",\"username\":\"secret\",\"phone\":\"+79015550002\",\"role\":{me.GetProperty("role")},\"pin_code_hash\":\"{PinHash}\"}}",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.Contains(PinHash, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var broken = await http.PostAsync("orgs/9d5f1c2a-0000-4000-8000-000000000001/employees", new StringContent(
                $"{{\"name\":\"Секретный Кассир\",\"username\":\"secret\",\"phone\":\"+79015550002\",\"role\":{me.GetProperty("role")},\"pin_code_hash\":\"{PinHash}0\"}}",
                System.Text.Encoding.UTF8, "application/json"));
            Assert.DoesNotContain(PinHash, await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        Assert.DoesNotContain(PinHash, output, StringComparison.Ordinal);

        var bad = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--faults", "teapot=1" }) bad.ArgumentList.Add(arg);
        using var failing = Process.Start(bad)!;
        var error = await failing.StandardError.ReadToEndAsync();
        await failing.WaitForExitAsync();
        Assert.Equal(2, failing.ExitCode);
        Assert.Contains("teapot", error, StringComparison.Ordinal);
    }
}
