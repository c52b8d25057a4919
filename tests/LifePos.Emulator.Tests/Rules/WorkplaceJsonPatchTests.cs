namespace LifePos.Emulator.Tests.Rules;

public sealed class WorkplaceJsonPatchTests
{
    private static async Task<(EmulatorFixture Emulator, string Url)> StartWithWorkplaceAsync()
    {
        var emulator = await EmulatorFixture.StartAsync();
        var created = await emulator.CreateAsync("Stationary", "Касса", new
        {
            meta = "before",
            meta_data = new { address = new { city = "Москва", floor = 1 }, tags = new[] { "a", "b" } },
            extensions = new
            {
                smart_pos = new { version = "1.0", tms_params = new { ip = "10.0.0.1", port = 443 } },
                brand_new_extension = new { flag = true, nested = new { keep = "me" } },
            },
        });
        return (emulator, $"{emulator.Workplaces}/{created.Guid}");
    }

    [Fact]
    public async Task NestedMetaDataAndExtensionVersion_AreEdited_UnknownExtensionKept()
    {
        var (emulator, url) = await StartWithWorkplaceAsync();
        await using var scope = emulator;
        var before = (await emulator.GetAsync(url)).Json;
        var answer = await emulator.PatchAsync(url, new object[]
        {
            new { op = "test", path = "/meta", value = "before" },
            new { op = "replace", path = "/meta_data/address/floor", value = (object)3 },
            new { op = "add", path = "/meta_data/tags/-", value = (object)"c" },
            new { op = "add", path = "/meta_data/address/zip", value = (object)"101000" },
            new { op = "replace", path = "/extensions/smart_pos/version", value = (object)"2.1" },
            new { op = "add", path = "/extensions/pos_quick_payments", value = (object)new { version = "1" } },
            new { op = "remove", path = "/extensions/smart_pos/tms_params" },
            new { op = "replace", path = "/workplace_type", value = (object)"Mobile" },
        });
        answer.ShouldBe(HttpStatusCode.OK);
        var json = answer.Json;
        Assert.Equal(3, json.GetProperty("meta_data").GetProperty("address").GetProperty("floor").GetInt32());
        Assert.Equal("Москва", json.GetProperty("meta_data").GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("101000", json.GetProperty("meta_data").GetProperty("address").GetProperty("zip").GetString());
        Assert.Equal(3, json.GetProperty("meta_data").GetProperty("tags").GetArrayLength());
        Assert.Equal("2.1", json.GetProperty("extensions").GetProperty("smart_pos").GetProperty("version").GetString());
        Assert.False(json.GetProperty("extensions").GetProperty("smart_pos").TryGetProperty("tms_params", out _));
        Assert.Equal("1", json.GetProperty("extensions").GetProperty("pos_quick_payments").GetProperty("version").GetString());
        Assert.Equal("me", json.GetProperty("extensions").GetProperty("brand_new_extension").GetProperty("nested").GetProperty("keep").GetString());
        Assert.Equal("Mobile", json.GetProperty("workplace_type").GetString());
        Assert.Equal(before.GetProperty("number").GetInt32(), json.GetProperty("number").GetInt32());
        Assert.Equal(before.GetProperty("created_at").GetString(), json.GetProperty("created_at").GetString());
        Assert.NotEqual(before.GetProperty("updated_at").GetString(), json.GetProperty("updated_at").GetString());
        Assert.Equal(json.GetRawText(), (await emulator.GetAsync(url)).Json.GetRawText());
    }

    [Fact]
    public async Task RemovingAnExtensionAndClearingFields_Works_WithPlainJsonContentType()
    {
        var (emulator, url) = await StartWithWorkplaceAsync();
        await using var scope = emulator;
        var answer = await emulator.SendAsync(HttpMethod.Patch, url, new object[]
        {
            new { op = "remove", path = "/extensions/smart_pos" },
            new { op = "remove", path = "/name" },
            new { op = "replace", path = "/meta_data", value = (object?)null },
        }, "application/json");
        answer.ShouldBe(HttpStatusCode.OK);
        var json = answer.Json;
        Assert.False(json.GetProperty("extensions").TryGetProperty("smart_pos", out _));
        Assert.True(json.GetProperty("extensions").TryGetProperty("brand_new_extension", out _));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("meta_data").ValueKind);
    }

    [Theory]
    [InlineData("[{\"op\":\"test\",\"path\":\"/meta\",\"value\":\"other\"}]", "OperationCannotBePerformed")]
    [InlineData("[{\"op\":\"test\",\"path\":\"/meta_data/missing\",\"value\":1}]", "OperationCannotBePerformed")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/number\",\"value\":5}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/guid\",\"value\":\"x\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"move\",\"from\":\"/meta\",\"path\":\"/name\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/meta_data/nowhere/deep\",\"value\":1}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"remove\",\"path\":\"/extensions/not_there\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/workplace_type\",\"value\":\"Tablet\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"remove\",\"path\":\"/workplace_type\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"add\",\"path\":\"/extensions/smart_pos\",\"value\":\"on\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/name\"}]", "RequestIsNotValid")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/name/sub\",\"value\":1}]", "RequestIsNotValid")]
    [InlineData("{\"name\":\"not a patch\"}", "RequestIsNotValid")]
    public async Task AFailingOperation_RejectsTheWholePatch(string failingOperations, string code)
    {
        var (emulator, url) = await StartWithWorkplaceAsync();
        await using var scope = emulator;
        var before = (await emulator.GetAsync(url)).Body;
        // A valid first operation proves atomicity: it must not survive the failing one.
        var patch = failingOperations.StartsWith('[')
            ? "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"changed\"}," + failingOperations[1..]
            : failingOperations;
        (await emulator.PatchAsync(url, patch)).ShouldBeError(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(before, (await emulator.GetAsync(url)).Body);
    }

    [Fact]
    public async Task AnEmptyPatchOrANoOp_LeavesUpdatedAtAlone()
    {
        var (emulator, url) = await StartWithWorkplaceAsync();
        await using var scope = emulator;
        var before = (await emulator.GetAsync(url)).Body;
        Assert.Equal(before, (await emulator.PatchAsync(url, "[]")).Body);
        Assert.Equal(before, (await emulator.PatchAsync(url, new[] { new { op = "replace", path = "/meta", value = "before" } })).Body);
    }

    [Fact]
    public async Task TooLongName_Is422()
    {
        var (emulator, url) = await StartWithWorkplaceAsync();
        await using var scope = emulator;
        (await emulator.PatchAsync(url, new[] { new { op = "replace", path = "/name", value = new string('x', 129) } }))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.PatchAsync(url, new[] { new { op = "replace", path = "/name", value = new string('x', 128) } })).ShouldBe(HttpStatusCode.OK);
    }
}
