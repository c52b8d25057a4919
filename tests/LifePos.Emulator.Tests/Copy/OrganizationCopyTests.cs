using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace LifePos.Emulator.Tests.Copy;

/// <summary>--import of the module's exports and --export on exit.</summary>
public sealed class OrganizationCopyTests : IDisposable
{
    private const string Org = "71fb4a0c-a542-40fb-8978-debc08478941";
    private readonly string _folder = Directory.CreateTempSubdirectory("lifepos-copy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    // As Export-Csv -Delimiter ';' -Encoding utf8BOM writes Get-LifePosWorkplace -Selection All.
    private string WorkplacesCsv() => Write("organization.csv",
        "\"Id\";\"Number\";\"Name\";\"WorkplaceType\";\"IsActivated\";\"ActivatedAt\";\"IsArchived\";\"ArchivedAt\";\"Extensions\";\"Meta\";\"MetaData\";\"OrganizationId\";\"CreatedAt\";\"UpdatedAt\";\"AdditionalFields\"\n" +
        $"\"a6e0c227-5bae-4829-8752-25b9c651c519\";\"7\";\"Касса; \"\"семь\"\"\";\"Stationary\";\"True\";\"2026-12-07T17:27:32.4800000+00:00\";\"False\";;\"{{\"\"smart_pos\"\":{{\"\"version\"\":\"\"2.1\"\"}}}}\";\"hall\";\"{{\"\"floor\"\":2}}\";\"{Org}\";\"2026-12-07T17:25:02.4800000+00:00\";\"2026-12-07T17:26:02.4800000+00:00\";\"{{}}\"\n" +
        $"\"8a09dad2-2eeb-4c0e-9da5-e7f055a50c93\";\"12\";\"Старая\";\"Mobile\";\"False\";;\"True\";\"2026-12-07T18:00:00.0000000+00:00\";\"{{}}\";;;\"{Org}\";\"2026-12-07T17:25:02.4800000+00:00\";\"2026-12-07T17:25:02.4800000+00:00\";\"{{}}\"\n",
        bom: true);

    [Fact]
    public async Task AnExcelCsv_BecomesACopy_WithTheOrganizationIdsNumbersFieldsAndArchivedState()
    {
        var csv = WorkplacesCsv();
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Imports.Add(csv));

        Assert.Equal(Guid.Parse(Org), emulator.Org);
        var items = (await emulator.GetAsync($"{emulator.Workplaces}?selection=all")).Json.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        var seven = items[0];
        Assert.Equal("a6e0c227-5bae-4829-8752-25b9c651c519", seven.GetProperty("guid").GetString());
        Assert.Equal(7, seven.GetProperty("number").GetInt32());
        Assert.Equal("Касса; \"семь\"", seven.GetProperty("name").GetString());
        Assert.Equal("Stationary", seven.GetProperty("workplace_type").GetString());
        Assert.Equal("2026-12-07T17:27:32.480+00:00", seven.GetProperty("activated_at").GetString());
        Assert.Equal("2.1", seven.GetProperty("extensions").GetProperty("smart_pos").GetProperty("version").GetString());
        Assert.Equal("hall", seven.GetProperty("meta").GetString());
        Assert.Equal(2, seven.GetProperty("meta_data").GetProperty("floor").GetInt32());
        Assert.Equal("2026-12-07T17:26:02.480+00:00", seven.GetProperty("updated_at").GetString());
        Assert.Equal("2026-12-07T18:00:00.000+00:00", items[1].GetProperty("deleted_at").GetString());
        Assert.Equal(13, (await emulator.CreateAsync()).Json.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task JsonExports_OfWorkplacesAndOutlets_AreReadToo_AndAMaskedSecretStaysMasked()
    {
        var workplaces = Write("workplaces.json", $$$"""
            [{"Id":"a6e0c227-5bae-4829-8752-25b9c651c519","Number":3,"Name":"Касса 3","WorkplaceType":3,"IsActivated":false,"ActivatedAt":null,
              "IsArchived":false,"ArchivedAt":null,"Extensions":{},"Meta":null,"MetaData":null,"OrganizationId":"{{{Org}}}",
              "CreatedAt":{"Value":"2026-12-07T17:25:02.48+00:00","UtcDateTime":"2026-12-07T17:25:02.48Z","LocalDateTime":"2026-12-07T17:25:02.48+00:00"},
              "UpdatedAt":{"Value":"2026-12-07T17:25:02.48+00:00","UtcDateTime":"2026-12-07T17:25:02.48Z","LocalDateTime":"2026-12-07T17:25:02.48+00:00"},"AdditionalFields":{}}]
            """);
        var outlets = Write("outlets.json", $$$"""
            {"Id":"0ea59aa4-aeff-496b-8ef4-d0705f021178","Name":"Магазин","Address":"г. Москва","Brand":null,"LegalEntityId":"1801678d-6079-4fcb-858d-def3397ea18d",
             "Extensions":{"lifepay_cloud_fiscalization":{"turned_on":true,"api_key":"***","version":"1"}},"IsArchived":false,"ArchivedAt":null,"OrganizationId":"{{{Org}}}"}
            """);
        await using var emulator = await EmulatorFixture.StartAsync(o =>
        {
            o.Imports.Add(workplaces);
            o.Imports.Add(outlets);
        });

        Assert.Equal("Automat", (await emulator.GetAsync($"{emulator.Workplaces}/a6e0c227-5bae-4829-8752-25b9c651c519")).Json.GetProperty("workplace_type").GetString());
        var outlet = (await emulator.GetAsync($"orgs/{Org}/outlets/0ea59aa4-aeff-496b-8ef4-d0705f021178")).Json;
        Assert.Equal("***", outlet.GetProperty("extensions").GetProperty("lifepay_cloud_fiscalization").GetProperty("api_key").GetString());
        Assert.Equal(1, emulator.Server.Imported!.MaskedSecrets);
        Assert.Contains(StartupText.Lines(emulator.Server), line => line.Contains("stay masked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExport_OnExit_HasTheModulesColumns_AndImportsAgain()
    {
        var export = Path.Combine(_folder, "after.csv");
        var csv = WorkplacesCsv();
        await using (var emulator = await EmulatorFixture.StartAsync(o =>
        {
            o.Imports.Add(csv);
            o.ExportFile = export;
        }))
        {
            await emulator.CreateAsync(name: "Новая");
            Assert.False(File.Exists(export));
        }

        var lines = File.ReadAllLines(export);
        Assert.Equal("\"Id\",\"Number\",\"Name\",\"WorkplaceType\",\"IsActivated\",\"ActivatedAt\",\"IsArchived\",\"ArchivedAt\",\"Extensions\",\"Meta\",\"MetaData\",\"OrganizationId\",\"CreatedAt\",\"UpdatedAt\",\"AdditionalFields\"", lines[0]);
        Assert.StartsWith("\"a6e0c227-5bae-4829-8752-25b9c651c519\",\"7\",\"Касса; \"\"семь\"\"\",\"Stationary\",\"True\",\"2026-12-07T17:27:32.4800000+00:00\",\"False\",,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Новая\"", lines[3], StringComparison.Ordinal);
        await using var again = await EmulatorFixture.StartAsync(o => o.Imports.Add(export));
        Assert.Equal(3, (await again.GetAsync($"{again.Workplaces}?selection=all")).Json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ABrokenExport_StopsTheStart_NamingTheFileItemAndColumn()
    {
        var csv = Write("broken.csv", "\"Id\",\"Number\",\"Name\",\"WorkplaceType\"\n\"a6e0c227-5bae-4829-8752-25b9c651c519\",\"7\",\"x\",\"Tablet\"\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorFixture.StartAsync(o => o.Imports.Add(csv)));

        Assert.Equal("broken.csv, item 1: WorkplaceType 'Tablet' is not one of Unknown, Mobile, Stationary, Automat.", error.Message);
    }

    [Fact]
    public void ImportWithSeedOrData_IsABadOption()
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--import", "a.csv", "--seed", "3"]));
        Assert.Contains("--import", error.Message, StringComparison.Ordinal);
    }
}
