namespace LifePos.Emulator.Tests.State;

public sealed class DataFileTests
{
    [Fact]
    public async Task DataFile_SurvivesARestart_AndIsWrittenAfterAChangeWithoutOne()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lifepos-emulator-tests-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(directory, "data.json");
        try
        {
            string created, patched;
            await using (var emulator = await EmulatorFixture.StartAsync(o => { o.DataFile = file; o.Seed = 3; }))
            {
                var written = emulator.Server.NextDataFileWrite;
                var id = (await emulator.CreateAsync("Automat", "Сохрани меня", new { extensions = new { unknown_ext = new { a = 1 } } })).Guid;
                patched = (await emulator.PatchAsync($"{emulator.Workplaces}/{id}", new[] { new { op = "add", path = "/meta_data", value = new { k = "v" } } })).Body;
                var archived = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[0].GetProperty("guid").GetString();
                await emulator.DeleteAsync($"{emulator.Workplaces}/{archived}");
                created = id;

                // Every change schedules a write; wait for writes (no clock involved) until one holds the last change.
                while (!(File.Exists(file) && ReadShared(file).Contains(archived + "\",\"type_of\":\"Workplace\",\"number\":1", StringComparison.Ordinal) && ReadShared(file).Contains("\"deleted_at\":\"", StringComparison.Ordinal)))
                {
                    await written;
                    written = emulator.Server.NextDataFileWrite;
                }
                using var document = JsonDocument.Parse(ReadShared(file));
                Assert.Equal(4, document.RootElement.GetProperty("organizations")[0].GetProperty("workplaces").GetArrayLength());
            }

            await using (var restarted = await EmulatorFixture.StartAsync(o => { o.DataFile = file; o.Seed = 45; }))
            {
                Assert.Equal(patched, (await restarted.GetAsync($"{restarted.Workplaces}/{created}")).Body);
                var stats = await restarted.StatsAsync();
                Assert.Equal(3, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
                Assert.Equal(1, stats.GetProperty("workplaces").GetProperty("archived").GetInt32());
                Assert.Equal(5, (await restarted.CreateAsync()).Json.GetProperty("number").GetInt32());
            }
            Assert.Contains("\"number\":5", ReadShared(file), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
