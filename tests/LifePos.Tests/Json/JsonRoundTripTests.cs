using System.Text.Json;
using LifePos.Core;
using LifePos.Core.Json;
using LifePos.Tests.Support;

namespace LifePos.Tests.Json;

public sealed class JsonRoundTripTests
{
    private const string Extensions = """
        {
          "nadex_soft_pos": { "turned_on": true, "virtual_serial_number": "ABCDEFGHIJ123456789", "version": "1.0" },
          "smart_pos": { "emv_config": "AAEC", "tms_params": { "ip": "10.0.0.1", "port": 8443, "ca1": "x", "ca2": null }, "version": "2" },
          "pay_quick_payments_dynamic": { "turned_on": false, "quick_payments_terminal_guid": "5a3c0f0e-1111-4222-8333-944455556666", "version": "1" },
          "pos_quick_payments": { "qr_registrar_guid": "6b3c0f0e-1111-4222-8333-944455556666", "version": "1" },
          "future_extension_nobody_knows": { "nested": { "deep": [1, 2.50, -3e-2, "четыре", null, { "five": true }] }, "big": 123456789012345678901234 }
        }
        """;

    private const string MetaData = """
        { "store": "Тверская, 1", "floor": 2, "ratio": 0.125, "tags": ["night", "kiosk"], "owner": null, "flags": { "a": true } }
        """;

    [Fact]
    public async Task Create_SendsAndReadsBackEveryDocumentedFieldUnchanged()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var created = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest
        {
            WorkplaceType = WorkplaceType.Automat,
            Name = "Касса «Тверская» №1",
            Extensions = (IDictionary<string, object?>)PlainJson.Parse(Extensions)!,
            Meta = "meta text",
            MetaData = PlainJson.Parse(MetaData),
        }, RequestContext.None);
        var read = await client.GetWorkplaceAsync(org, created.Id, RequestContext.None);

        foreach (var workplace in new[] { created, read })
        {
            Assert.Equal(created.Id, workplace.Id);
            Assert.InRange(workplace.Number, 1, 99999);
            Assert.Equal("Касса «Тверская» №1", workplace.Name);
            Assert.Equal(WorkplaceType.Automat, workplace.WorkplaceType);
            Assert.False(workplace.IsActivated);
            Assert.Null(workplace.ActivatedAt);
            Assert.False(workplace.IsArchived);
            Assert.Null(workplace.ArchivedAt);
            Assert.Equal("meta text", workplace.Meta);
            Assert.Equal(org, workplace.OrganizationId);
            Assert.Equal(DateTimeKind.Local, workplace.CreatedAt.Kind);
            Assert.InRange(new DateTimeOffset(workplace.CreatedAt), before, DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.True(workplace.UpdatedAt >= workplace.CreatedAt);
            JsonAssert.Equivalent(Extensions, PlainJson.Serialize(workplace.Extensions));
            JsonAssert.Equivalent(MetaData, PlainJson.Serialize(workplace.MetaData));
        }
    }

    [Fact]
    public async Task Extensions_AreDotAccessiblePlainValues()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var workplace = await client.CreateWorkplaceAsync(emulator.OrganizationId, new WorkplaceCreateRequest
        {
            WorkplaceType = WorkplaceType.Mobile,
            Name = "Plain values",
            Extensions = (IDictionary<string, object?>)PlainJson.Parse(Extensions)!,
        }, RequestContext.None);

        var smartPos = Assert.IsType<JsonMap>(workplace.Extensions["smart_pos"]);
        Assert.Equal("2", smartPos["version"]);
        var tms = Assert.IsType<JsonMap>(smartPos["tms_params"]);
        Assert.Equal(8443L, tms["port"]);
        Assert.Null(tms["ca2"]);
        var deep = Assert.IsType<JsonList>(((JsonMap)((JsonMap)workplace.Extensions["future_extension_nobody_knows"]!)["nested"]!)["deep"]);
        Assert.Equal(new object?[] { 1L, 2.50m, "четыре", null }, new[] { deep[0], deep[1], deep[3], deep[4] });
        Assert.Equal(-0.03, Convert.ToDouble(deep[2], System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal(true, workplace.Extensions["nadex_soft_pos"] is Dictionary<string, object?> nadex ? nadex["turned_on"] : null);
    }

    [Fact]
    public async Task Update_ChangingOneExtensionKeepsUnknownExtensionsIntact()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var workplace = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest
        {
            WorkplaceType = WorkplaceType.Stationary,
            Name = "Keeps extensions",
            Extensions = (IDictionary<string, object?>)PlainJson.Parse(Extensions)!,
        }, RequestContext.None);

        var updated = await client.UpdateWorkplaceAsync(org, workplace.Id, new[]
        {
            JsonPatchOperation.Test("/extensions/smart_pos/version", "2"),
            JsonPatchOperation.Replace("/extensions/smart_pos/version", "3"),
            JsonPatchOperation.Replace("/name", "Renamed"),
        }, RequestContext.None);

        Assert.Equal("Renamed", updated.Name);
        Assert.Equal("3", ((Dictionary<string, object?>)updated.Extensions["smart_pos"]!)["version"]);
        JsonAssert.Equivalent(
            JsonSerializer.Serialize(JsonDocument.Parse(Extensions).RootElement.GetProperty("future_extension_nobody_knows")),
            PlainJson.Serialize(updated.Extensions["future_extension_nobody_knows"]));
        Assert.Equal(5, updated.Extensions.Count);
    }

    [Fact]
    public async Task Update_WritingBackTheWholeExtensionsObjectLosesNothing()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var workplace = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest
        {
            WorkplaceType = WorkplaceType.Stationary,
            Name = "Round trip",
            Extensions = (IDictionary<string, object?>)PlainJson.Parse(Extensions)!,
            MetaData = PlainJson.Parse(MetaData),
        }, RequestContext.None);

        workplace.Extensions["pos_quick_payments"] = new Dictionary<string, object?> { ["qr_registrar_guid"] = Guid.Empty, ["version"] = "9" };
        var updated = await client.UpdateWorkplaceAsync(org, workplace.Id, new[]
        {
            JsonPatchOperation.Replace("/extensions", workplace.Extensions),
            JsonPatchOperation.Replace("/meta_data", workplace.MetaData),
        }, RequestContext.None);

        JsonAssert.Equivalent(PlainJson.Serialize(workplace.Extensions), PlainJson.Serialize(updated.Extensions));
        JsonAssert.Equivalent(MetaData, PlainJson.Serialize(updated.MetaData));
    }

    [Fact]
    public void PlainJson_ConvertsBackWithoutLosingDigitsOrOrder()
    {
        const string json = """{"z":1,"a":-9223372036854775808,"b":1.50,"c":0.1,"d":123456789012345678901234567,"e":1e300,"f":[true,false,null,"\u0001ü"],"g":{}}""";

        var plain = PlainJson.Parse(json);
        var back = PlainJson.Serialize(plain);

        JsonAssert.Equivalent(json, back);
        Assert.StartsWith("""{"z":1,"a":-9223372036854775808,"b":1.50,"c":0.1,"d":123456789012345678901234567,""", back);
        var map = Assert.IsType<JsonMap>(plain);
        Assert.IsType<long>(map["z"]);
        Assert.IsType<decimal>(map["b"]);
        Assert.IsType<double>(map["e"]);
    }

    [Fact]
    public void PlainJson_AcceptsHashtablesArraysAndCommonScalars()
    {
        var hashtable = new System.Collections.Hashtable { ["when"] = new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.FromHours(3)), ["type"] = WorkplaceType.Mobile };
        var value = new Dictionary<string, object?>
        {
            ["table"] = hashtable,
            ["array"] = new object?[] { 1, 2.5f, 'x', Guid.Empty, null },
        };

        JsonAssert.Equivalent(
            """{"table":{"when":"2026-11-29T18:00:00.0000000+03:00","type":"Mobile"},"array":[1,2.5,"x","00000000-0000-0000-0000-000000000000",null]}""",
            PlainJson.Serialize(value));
        Assert.Throws<ArgumentException>(() => PlainJson.Serialize(new { Anonymous = 1 }));
        Assert.Throws<ArgumentException>(() => PlainJson.Serialize(double.NaN));
    }

    [Fact]
    public void Workplace_ToStringShowsTheNameOrTheNumber()
    {
        Assert.Equal("Касса 1", new Workplace { Name = "Касса 1", Number = 7 }.ToString());
        Assert.Equal("#7", new Workplace { Number = 7 }.ToString());
    }
}
