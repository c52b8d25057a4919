using LifePos.Emulator.Answers;

namespace LifePos.Emulator.Tests.Answers;

public sealed class AnswerVariantTests
{
    [Fact]
    public async Task TheChoices_DefaultToToday_ChangeOneByOne_AndResetGoesBackToTheCommandLine()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "errors=text");
        var current = await emulator.GetAsync("_emulator/answers");
        Assert.Equal("actions=workplace,activation=token,errors=text,items=array,end-token=empty,page-fields=present,auth=any,dates=ms,numbers=number,enums=canonical,request-id=header,presentation=full-by-default,extensions=all",
            current.Json.GetProperty("answers").GetString());
        Assert.Equal("text", current.Json.GetProperty("choices").GetProperty("errors").GetString());

        var changed = await emulator.AnswersAsync("dates=zulu, enums=lower");
        Assert.Equal("zulu", changed.GetProperty("choices").GetProperty("dates").GetString());
        Assert.Equal("text", changed.GetProperty("choices").GetProperty("errors").GetString());
        var defaults = await emulator.AnswersAsync("");
        Assert.All(defaults.GetProperty("choices").EnumerateObject(), c => Assert.Equal(AnswerStyle.Default.Pairs().Single(p => p.Name == c.Name).Value, c.Value.GetString()));

        foreach (var bad in new[] { "colors=blue", "dates=yesterday", "dates", "=ms" })
            (await emulator.SendAsync(HttpMethod.Put, "_emulator/answers", new { answers = bad })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.SendAsync(HttpMethod.Put, "_emulator/answers", new { other = 1 })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");

        await emulator.AnswersAsync("errors=html");
        await emulator.ControlAsync("reset");
        Assert.Equal("text", (await emulator.GetAsync("_emulator/answers")).Json.GetProperty("choices").GetProperty("errors").GetString());
        Assert.Throws<ArgumentException>(() => EmulatorOptions.Parse(["--answers", "errors=xml"]));
        Assert.Equal("items=null-on-empty", EmulatorOptions.Parse(["--answers", "items=null-on-empty"]).Answers);
    }

    [Theory]
    [InlineData("empty200", HttpStatusCode.OK, "")]
    [InlineData("empty204", HttpStatusCode.NoContent, "")]
    [InlineData("empty-object", HttpStatusCode.OK, "{}")]
    public async Task Actions_AnswerArchiveUnarchiveAndDeactivate_AsChosen(string choice, HttpStatusCode status, string body)
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "actions=" + choice);
        var wp = $"{emulator.Workplaces}/{(await emulator.CreateAsync()).Guid}";
        async Task ActAsync(Task<EmulatorAnswer> action, JsonValueKind deletedAt)
        {
            var answer = await action;
            answer.ShouldBe(status);
            Assert.Equal(body, answer.Body);
            // The action took place all the same.
            Assert.Equal(deletedAt, (await emulator.GetAsync(wp)).Json.GetProperty("deleted_at").ValueKind);
        }
        await ActAsync(emulator.PostAsync($"{wp}:deactivate"), JsonValueKind.Null);
        await ActAsync(emulator.DeleteAsync(wp), JsonValueKind.String);
        await ActAsync(emulator.PostAsync($"{wp}:unarchive"), JsonValueKind.Null);
    }

    [Fact]
    public async Task Activation_CanAnswerWithoutAToken()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "activation=no-token");
        var workplace = (await emulator.CreateAsync()).Guid;
        var code = (await emulator.PostAsync($"{emulator.Workplaces}/{workplace}:generate-activation-code", await emulator.CodeRequestAsync())).Json.GetProperty("activation_code").GetString();
        var answer = await emulator.PostAsync("v6/auth/activate-workplace", new { activation_code = code });
        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["workplace", "organization", "outlet", "employee"], answer.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(workplace, answer.Json.GetProperty("workplace").GetProperty("guid").GetString());
    }

    [Fact]
    public async Task Errors_CodeDescription()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "errors=code-description");
        var answer = await emulator.GetAsync($"{emulator.Workplaces}/{Guid.NewGuid()}");
        answer.ShouldBe(HttpStatusCode.NotFound, "application/json");
        Assert.Equal(["code", "description"], answer.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("NotFound", answer.Code);
    }

    [Fact]
    public async Task Errors_Problem_CarryTheCodeAsTitle_AndTheRequestIdAsTraceId()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "errors=problem");
        var answer = await emulator.GetAsync($"{emulator.Workplaces}?items_per_page=0");
        answer.ShouldBe(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var json = answer.Json;
        Assert.Equal(["type", "title", "status", "detail", "errors", "traceId"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.21", json.GetProperty("type").GetString());
        Assert.Equal("RequestIsNotValid", json.GetProperty("title").GetString());
        Assert.Equal(422, json.GetProperty("status").GetInt32());
        Assert.Contains("items_per_page", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(json.GetProperty("detail").GetString(), json.GetProperty("errors").GetProperty("RequestIsNotValid")[0].GetString());
        Assert.Equal(answer.Headers.GetValues("X-Request-Id").Single(), json.GetProperty("traceId").GetString());

        await emulator.AnswersAsync("request-id=traceparent");
        await emulator.ControlAsync("faults", new { next = new[] { "503" } }, HttpMethod.Put);
        var fault = await emulator.GetAsync("orgs");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fault.Status);
        Assert.Equal("TryLater", fault.Json.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), fault.Headers.RetryAfter!.Delta);
        Assert.Equal(fault.Headers.GetValues("traceparent").Single(), fault.Json.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Errors_Text_HaveOnlyTheMessage_TheCodeOnlyInTheStatus()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "errors=text");
        emulator.Http.DefaultRequestHeaders.Authorization = new("Bearer", "unknown");
        var answer = await emulator.GetAsync("orgs");
        answer.ShouldBe(HttpStatusCode.Unauthorized, "text/plain");
        Assert.Equal("The token is unknown, expired or revoked; sign in again.", answer.Body);
    }

    [Fact]
    public async Task Errors_Html_IsAnErrorPage_OnEveryApiError_ButNotOnControlEndpoints()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "errors=html");
        var answer = await emulator.GetAsync("no/such/route");
        answer.ShouldBe(HttpStatusCode.NotFound, "text/html");
        Assert.Contains("<title>404 Not Found</title>", answer.Body, StringComparison.Ordinal);
        Assert.Contains("There is no API route /no/such/route.", answer.Body, StringComparison.Ordinal);
        await emulator.ControlAsync("faults", new { next = new[] { "429:TrySendCodeLater" } }, HttpMethod.Put);
        var forced = await emulator.GetAsync("orgs");
        Assert.Equal(HttpStatusCode.TooManyRequests, forced.Status);
        Assert.Contains("<title>429 Too Many Requests</title>", forced.Body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), forced.Headers.RetryAfter!.Delta);

        (await emulator.GetAsync("_emulator/nothing")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("requests").GetProperty("orgs").GetProperty("by_status").GetProperty("429").GetInt32());
    }

    [Theory]
    [InlineData("items=null-on-empty", "items", "null")]
    [InlineData("items=missing-on-empty", "items", null)]
    [InlineData("end-token=null", "next_page_token", "null")]
    [InlineData("end-token=missing", "next_page_token", null)]
    public async Task EmptyPagesAndLastPages_LookAsChosen(string choice, string field, string? expected)
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 3; o.Outlets = 0; o.Answers = choice; });
        foreach (var url in new[] { $"{emulator.Workplaces}?selection=archived_only", $"{emulator.Workplaces}?items_per_page=2&query=zzz", $"orgs/{emulator.Org}/outlets" })
        {
            var json = (await emulator.GetAsync(url)).Json;
            Assert.Equal(expected, json.TryGetProperty(field, out var value) ? value.GetRawText() : null);
        }
        var first = (await emulator.GetAsync($"{emulator.Workplaces}?items_per_page=2")).Json;
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var last = (await emulator.GetAsync($"{emulator.Workplaces}?page_token={first.GetProperty("next_page_token").GetString()}")).Json;
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        if (field == "next_page_token") Assert.Equal(expected, last.TryGetProperty(field, out var token) ? token.GetRawText() : null);
    }

    [Fact]
    public async Task PageFields_CanBeLeftOut_AndNumbersCanBeStrings()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 3; o.Answers = "page-fields=missing"; });
        Assert.Equal(["items", "next_page_token", "type_of"], (await emulator.GetAsync(emulator.Workplaces)).Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["items", "next_page_token", "type_of"], (await emulator.GetAsync("orgs")).Json.EnumerateObject().Select(p => p.Name));

        await emulator.AnswersAsync("page-fields=present,numbers=string");
        var page = (await emulator.GetAsync($"{emulator.Workplaces}?include_items_total=true&items_per_page=2")).Json;
        Assert.Equal("1", page.GetProperty("items")[0].GetProperty("number").GetString());
        foreach (var (field, value) in new[] { ("page_number", "1"), ("pages_total", "2"), ("items_per_page", "2"), ("items_total", "3") })
            Assert.Equal(value, page.GetProperty(field).GetString());
        Assert.Equal(JsonValueKind.Null, (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items_total").ValueKind);
        Assert.Equal("4", (await emulator.CreateAsync()).Json.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Auth_CanAcceptOnlyBearer_OrOnlyTheRawToken()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Answers = "auth=bearer");
        var token = emulator.Server.Token;
        void Raw(HttpRequestMessage r) => r.Headers.TryAddWithoutValidation("Authorization", token);
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: Raw)).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r => r.Headers.Authorization = new("Bearer", token))).ShouldBe(HttpStatusCode.OK);

        await emulator.AnswersAsync("auth=raw");
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: r => r.Headers.Authorization = new("Bearer", token))).ShouldBeError(HttpStatusCode.Unauthorized, "Unauthorized");
        (await emulator.SendAsync(HttpMethod.Get, "orgs", adjust: Raw)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("seconds", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")]
    [InlineData("ticks", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$")]
    [InlineData("zulu", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    [InlineData("ms", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")]
    public async Task Dates_AreWrittenAsChosen_InEveryItem(string choice, string pattern)
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 3; o.Answers = "dates=" + choice; });
        var workplace = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items")[2];
        Assert.Matches(pattern, workplace.GetProperty("created_at").GetString());
        Assert.Matches(pattern, workplace.GetProperty("activated_at").GetString());
        Assert.Matches(pattern, (await emulator.CreateAsync()).Json.GetProperty("updated_at").GetString());
        Assert.Matches(pattern, (await emulator.MeAsync()).GetProperty("created_at").GetString());
        Assert.Matches(pattern, (await emulator.GetAsync($"orgs/{emulator.Org}/employees")).Json.GetProperty("items")[3].GetProperty("updated_at").GetString());
        Assert.Matches(pattern, (await emulator.GetAsync($"orgs/{emulator.Org}/outlets")).Json.GetProperty("items")[0].GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Enums_CanBeLowerCase_AndCreateStillTakesAnyCase()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 4; o.Answers = "enums=lower"; });
        var types = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("workplace_type").GetString());
        Assert.Equal(["stationary", "automat", "unknown", "mobile"], types);
        Assert.Equal("mobile", (await emulator.CreateAsync("Mobile")).Json.GetProperty("workplace_type").GetString());
    }

    [Fact]
    public async Task RequestIds_AreOnEveryApiAnswer_AsAHeader_ATraceparent_OrNothing()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var first = (await emulator.GetAsync("orgs")).Headers.GetValues("X-Request-Id").Single();
        var second = (await emulator.GetAsync("orgs/nope/workplaces")).Headers.GetValues("X-Request-Id").Single();
        Assert.True(Guid.TryParse(first, out _));
        Assert.NotEqual(first, second);
        Assert.False((await emulator.GetAsync("_emulator/stats")).Headers.Contains("X-Request-Id"));

        await emulator.AnswersAsync("request-id=traceparent");
        var traced = await emulator.GetAsync("orgs");
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", traced.Headers.GetValues("traceparent").Single());
        Assert.False(traced.Headers.Contains("X-Request-Id"));

        await emulator.AnswersAsync("request-id=none");
        var bare = await emulator.GetAsync("orgs");
        Assert.False(bare.Headers.Contains("X-Request-Id") || bare.Headers.Contains("traceparent"));
    }

    [Fact]
    public async Task Stats_KeepWorkingUnderEveryVariant()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o =>
        {
            o.Seed = 2;
            o.Answers = "actions=empty204,activation=no-token,errors=html,items=missing-on-empty,end-token=missing,page-fields=missing,auth=raw,dates=ticks,numbers=string,enums=lower,request-id=none";
        });
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        emulator.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.Server.Token);
        (await emulator.GetAsync(emulator.Workplaces)).ShouldBe(HttpStatusCode.OK);
        (await emulator.GetAsync($"{emulator.Workplaces}/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        var stats = await emulator.StatsAsync();
        Assert.Equal(2, stats.GetProperty("requests_total").GetInt32());
        Assert.Equal(2, stats.GetProperty("workplaces").GetProperty("alive").GetInt32());
        (await emulator.SendAsync(HttpMethod.Put, "_emulator/faults", new { faults = "bogus=1" })).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }
}
