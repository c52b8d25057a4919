namespace LifePos.Emulator.Tests;

public sealed class EmulatorServerTests
{
    [Fact]
    public async Task StartAsync_FailsClearly_OnATakenPortOrABrokenDataFile()
    {
        await using var first = await EmulatorFixture.StartAsync();
        var taken = $"http://127.0.0.1:{first.Server.BaseAddress.Port}";
        await Assert.ThrowsAsync<IOException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Urls = taken }));

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "{\"organizations\": [");
            await Assert.ThrowsAnyAsync<JsonException>(() => EmulatorServer.StartAsync(new EmulatorOptions { DataFile = file }));
        }
        finally
        {
            File.Delete(file);
        }
        (await first.GetAsync("orgs")).ShouldBe(HttpStatusCode.OK);
    }
}
