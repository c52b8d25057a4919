using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LifePos.Core;
using LifePos.Core.Json;
using LifePos.Tests.Support;

namespace LifePos.Tests.Json;

/// <summary>
/// Extensions and meta_data are read straight from the answer's tokens (PlainJson.FromReader through the DTOs'
/// converters) instead of a JsonDocument per item: the same plain values as PlainJson.FromJson, value for value, type
/// for type, key order included.
/// </summary>
public sealed class PlainJsonReaderTests
{
    public static TheoryData<string> TrickyValues => new()
    {
        "{}",
        "[]",
        "null",
        "true",
        "\"\"",
        """{"z":1,"a":-9223372036854775808,"b":1.50,"c":0.1,"d":123456789012345678901234567,"e":1e300,"f":[true,false,null,"\u0001ü"],"g":{}}""",
        // A repeated key keeps its first place and takes its last value.
        """{"a":1,"b":2,"a":{"x":[3]},"b":null}""",
        // Escapes in names and values, surrogate pairs, Cyrillic, JSON's own escapes.
        """{"\u0041\u00e9":"\ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","имя":"Касса «Тверская» №1","":""}""",
        // Numbers at every edge of long, decimal and double.
        """[0,-0,0.0,-0.0,1.0,1e2,1E2,1e+2,2.5E-3,9223372036854775807,9223372036854775808,-9223372036854775809,79228162514264337593543950335,79228162514264337593543950336,1234567890123456789012345678901234567890,0.1000000000000000000000000001,1.50,1e-7,5e-324,1.7976931348623157e308,123.456e1]""",
        """{"nested":{"deep":[1,2.50,-3e-2,"четыре",null,{"five":true}]},"big":123456789012345678901234}""",
        // Outside the range of a double: whatever the runtime's parser makes of it, both paths make the same.
        """{"deep":1e400,"a":[-1e400]}""",
        new string('[', 60) + "1" + new string(']', 60),
        " { \"spaced\" : [ 1 , { } , [ ] ] } ",
    };

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void FromReader_GivesWhatFromJsonGives(string json)
    {
        using var document = JsonDocument.Parse(json);
        var expected = PlainJson.FromJson(document.RootElement);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var actual = PlainJson.FromReader(ref reader);

        AssertSamePlain(expected, actual);
        Assert.False(reader.Read(), "The reader should stand on the value's last token.");
    }

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void WorkplaceAnswer_CarriesTheSameExtensionsAndMetaDataAsBefore(string json)
    {
        var body = WorkplaceJson(json, json);
        var workplace = WorkplaceMapper.ToWorkplace(JsonSerializer.Deserialize(body, LifePosJsonContext.Default.WorkplaceDto)!, Guid.Empty);

        var (extensions, metaData) = AsBefore(body);
        AssertSamePlain(extensions, workplace.Extensions);
        AssertSamePlain(metaData, workplace.MetaData);
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"c":[1,{"d":2}]}}""")]
    [InlineData("""[{"a":1},[2,3],"x"]""")]
    [InlineData("12.50")]
    public void ValuesInsideAListPage_AreReadAndTheRestOfThePageStillParses(string value)
    {
        var item = WorkplaceJson(value, value);
        var page = "{\"items\":[" + item + "," + item + "],\"next_page_token\":\"t\",\"pages_total\":2}";

        var list = JsonSerializer.Deserialize(page, LifePosJsonContext.Default.ListDtoJsonElement)!;

        Assert.Equal(2, list.Items!.Count);
        Assert.Equal("t", list.NextPageToken);
        Assert.Equal(2, list.PagesTotal);
        var (extensions, metaData) = AsBefore(item);
        foreach (var element in list.Items)
        {
            var workplace = WorkplaceMapper.ToWorkplace(JsonSerializer.Deserialize(element, LifePosJsonContext.Default.WorkplaceDto)!, Guid.Empty);
            AssertSamePlain(extensions, workplace.Extensions);
            AssertSamePlain(metaData, workplace.MetaData);
            Assert.Equal("Касса", workplace.Name);
        }
    }

    [Fact]
    public void MissingOrNullExtensionsAndMetaData_AreAnEmptyMapAndNull()
    {
        var absent = """{"guid":"7a227091-20eb-4e4a-8fde-ed95b36c2041","number":1,"workplace_type":"Mobile"}""";
        var nulls = """{"guid":"7a227091-20eb-4e4a-8fde-ed95b36c2041","number":1,"workplace_type":"Mobile","extensions":null,"meta_data":null}""";

        foreach (var body in new[] { absent, nulls })
        {
            var workplace = WorkplaceMapper.ToWorkplace(JsonSerializer.Deserialize(body, LifePosJsonContext.Default.WorkplaceDto)!, Guid.Empty);
            Assert.IsType<JsonMap>(workplace.Extensions);
            Assert.Empty(workplace.Extensions);
            Assert.Null(workplace.MetaData);
        }
    }

    [Fact]
    public void NestingDeeperThanTheLimit_FailsTheSameWayOnBothPaths()
    {
        var json = new string('[', 70) + new string(']', 70);
        var options = new JsonDocumentOptions { MaxDepth = 200 };
        using var document = JsonDocument.Parse(json, options);
        var before = Assert.Throws<JsonException>(() => PlainJson.FromJson(document.RootElement));

        var after = Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 200 });
            reader.Read();
            return PlainJson.FromReader(ref reader);
        });

        Assert.Equal(before.Message, after.Message);
    }

    [Fact]
    public async Task AnAnswerNestedBeyondTheSerializersDepth_IsStillAnInvalidResponse()
    {
        var tooDeep = new string('[', 70) + new string(']', 70);
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(WorkplaceJson("{}", tooDeep), Encoding.UTF8, "application/json"),
        });
        using var client = ScriptedClient(handler);

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetWorkplaceAsync(Guid.NewGuid(), Guid.NewGuid(), RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public void OutletExtensions_AreMaskedAtAnyDepthAsBefore()
    {
        const string extensions = """{"bank":{"api_key":"k-1","login":"shop","nested":[{"password":"p"},{"token":null}]},"Secret":"s","plain":{"x":1}}""";
        var body = """{"guid":"5499a5ff-b7a7-4e2a-b061-238ce73d70c9","name":"Точка","extensions":""" + extensions + "}";

        var outlet = DirectoryMapper.ToOutlet(JsonSerializer.Deserialize(body, LifePosJsonContext.Default.OutletDto)!, Guid.Empty);

        JsonAssert.Equivalent(
            """{"bank":{"api_key":"***","login":"shop","nested":[{"password":"***"},{"token":null}]},"Secret":"***","plain":{"x":1}}""",
            PlainJson.Serialize(outlet.Extensions));
        Assert.Equal(1L, ((JsonMap)outlet.Extensions["plain"]!)["x"]);
    }

    [Fact]
    public void EmployeeMetaData_IsTheSamePlainValueAsBefore()
    {
        const string metaData = """{"store":"Тверская, 1","floor":2,"ratio":0.125,"tags":["night","kiosk"],"owner":null}""";
        var body = """{"guid":"5499a5ff-b7a7-4e2a-b061-238ce73d70c9","name":"Иван","meta_data":""" + metaData + ""","pin_code_hash":"h"}""";

        var employee = DirectoryMapper.ToEmployee(JsonSerializer.Deserialize(body, LifePosJsonContext.Default.EmployeeDto)!, Guid.Empty);

        using var document = JsonDocument.Parse(metaData);
        AssertSamePlain(PlainJson.FromJson(document.RootElement), employee.MetaData);
        Assert.True(employee.HasPinCode);
    }

    private static LifePosClient ScriptedClient(ScriptedHandler handler) =>
        LifePosClient.Create(new LifePosClientOptions { BaseUri = new Uri("https://api.example.test/"), Token = LiveEmulator.Secure("t"), Handler = handler });

    private static string WorkplaceJson(string extensions, string metaData) =>
        """{"guid":"7a227091-20eb-4e4a-8fde-ed95b36c2041","type_of":"Workplace","number":1,"name":"Касса","workplace_type":"Stationary",""" +
        "\"extensions\":" + extensions + ",\"meta\":null,\"meta_data\":" + metaData +
        ""","created_at":"2026-12-02T00:41:18.662+00:00","updated_at":"2026-12-02T00:41:18.662+00:00","deleted_at":null}""";

    /// <summary>What the mapper made of extensions and meta_data when both were JsonElements.</summary>
    private static (JsonMap Extensions, object? MetaData) AsBefore(string workplaceJson)
    {
        using var document = JsonDocument.Parse(workplaceJson);
        var root = document.RootElement;
        var extensions = root.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object ? PlainJson.ObjectFromJson(e) : new JsonMap();
        var metaData = root.TryGetProperty("meta_data", out var m) && m.ValueKind != JsonValueKind.Null ? PlainJson.FromJson(m) : null;
        return (extensions, metaData);
    }

    /// <summary>The same plain value: the same .NET types, keys in the same order, decimals with the same digits.</summary>
    private static void AssertSamePlain(object? expected, object? actual, string at = "$")
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{at}: expected null, got a {actual?.GetType().Name}");
            return;
        }

        Assert.True(actual is not null, $"{at}: expected a {expected.GetType().Name}, got null");
        Assert.True(expected.GetType() == actual!.GetType(), $"{at}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
        switch (expected)
        {
            case JsonMap map:
                var other = (JsonMap)actual;
                Assert.Equal(map.Keys.ToList(), other.Keys.ToList());
                foreach (var key in map.Keys)
                {
                    AssertSamePlain(map[key], other[key], at + "." + key);
                }

                break;
            case JsonList list:
                var otherList = (JsonList)actual;
                Assert.Equal(list.Count, otherList.Count);
                for (var index = 0; index < list.Count; index++)
                {
                    AssertSamePlain(list[index], otherList[index], at + "[" + index + "]");
                }

                break;
            case decimal exact:
                Assert.Equal(exact.ToString(CultureInfo.InvariantCulture), ((decimal)actual).ToString(CultureInfo.InvariantCulture));
                break;
            case double real:
                Assert.Equal(BitConverter.DoubleToInt64Bits(real), BitConverter.DoubleToInt64Bits((double)actual));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
