namespace LifePos.Emulator.Tests.Endpoints;

public sealed class EmployeeEndpointTests
{
    private const string PinHash = "0123456789abcdef0123456789abcdef";

    private static JsonElement[] Items(IEnumerable<EmulatorAnswer> pages) => pages.SelectMany(p => p.Json.GetProperty("items").EnumerateArray()).ToArray();

    private static async Task<List<EmulatorAnswer>> AllEmployeePagesAsync(EmulatorFixture emulator, string query)
    {
        var pages = new List<EmulatorAnswer>();
        var url = $"orgs/{emulator.Org}/employees?{query}";
        while (true)
        {
            var page = await emulator.GetAsync(url);
            page.ShouldBe(HttpStatusCode.OK);
            pages.Add(page);
            var next = page.Json.GetProperty("next_page_token").GetString();
            if (string.IsNullOrEmpty(next)) return pages;
            url = $"orgs/{emulator.Org}/employees?page_token={Uri.EscapeDataString(next)}";
        }
    }

    private static object NewEmployee(Guid org, string role = "Cashier", string name = "Новый Кассир", string username = "new.cashier",
        string phone = "+7 (901) 555-12-34") => new
    {
        name,
        username,
        phone,
        role = new { guid = RoleGuid(org, role), type_of = "Role" },
        inn = "500100732259",
        pin_code_hash = PinHash,
    };

    private static Guid RoleGuid(Guid org, string role)
    {
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{org:D}/role/{role}"));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    [Fact]
    public async Task Seed_GivesEveryOrganizationSixEmployees_FiveWithDistinctRussianMobiles_BesideTheStaff()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o =>
        {
            o.Seed = 3;
            o.Organizations.Add(Guid.Parse(EmulatorOptions.DefaultOrganization));
            o.Organizations.Add(second);
        });
        var items = Items(await AllEmployeePagesAsync(emulator, "items_per_page=4&include_items_total=true"));
        // The ready token's Owner, the two default accounts, then six seeded employees, in creation order.
        Assert.Equal(9, items.Length);
        Assert.Equal("Владелец Эмулятора", items[0].GetProperty("name").GetString());
        Assert.Equal(["Owner", "Owner", "Owner"], items.Take(3).Select(i => i.GetProperty("role").GetProperty("name").GetString()));
        var seeded = items[3..];
        var phones = seeded.Select(i => i.GetProperty("phone")).Where(p => p.ValueKind != JsonValueKind.Null).Select(p => p.GetString()!).ToArray();
        Assert.Equal(5, phones.Distinct().Count());
        Assert.All(phones, p => Assert.Matches(@"^\+7 9\d\d \d{3}-\d\d-\d\d$", p));
        Assert.Single(seeded, i => i.GetProperty("phone").ValueKind == JsonValueKind.Null);
        Assert.All(seeded, i => Assert.Matches("^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$", i.GetProperty("name").GetString()));
        Assert.Equal("EmployeeList", (await emulator.GetAsync($"orgs/{emulator.Org}/employees")).Json.GetProperty("type_of").GetString());

        var other = (await emulator.GetAsync($"orgs/{second}/employees")).Json.GetProperty("items");
        Assert.Equal(9, other.GetArrayLength());
        Assert.NotEqual(items[5].GetProperty("guid").GetString(), other[5].GetProperty("guid").GetString());
        Assert.Equal(items[5].GetProperty("phone").GetString(), other[5].GetProperty("phone").GetString());
        Assert.Empty((await emulator.GetAsync($"orgs/{second}/workplaces")).Json.GetProperty("items").EnumerateArray());

        // The same on every run, apart from the timestamps.
        await using var again = await EmulatorFixture.StartAsync(o => o.Seed = 3);
        var rerun = Items(await AllEmployeePagesAsync(again, "items_per_page=100"));
        static string Identity(JsonElement e) => $"{e.GetProperty("guid")}|{e.GetProperty("name")}|{e.GetProperty("username")}|{e.GetProperty("phone")}|{e.GetProperty("role")}|{e.GetProperty("inn")}|{e.GetProperty("pin_code_hash")}";
        Assert.Equal(items.Select(Identity), rerun.Select(Identity));
    }

    [Fact]
    public async Task EmployeesOption_WorksWithoutSeed_AndResetRestoresTheSeededOnes()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Employees = 12; o.Accounts.Add("cashier@example.com:password1:Cashier"); });
        var items = Items(await AllEmployeePagesAsync(emulator, "items_per_page=100"));
        Assert.Equal(1 + 1 + 12, items.Length);
        var seeded = items[2..];
        Assert.Equal(["popova6", "petrova12"], seeded.Where(i => i.GetProperty("phone").ValueKind == JsonValueKind.Null).Select(i => i.GetProperty("username").GetString()));
        Assert.Equal(12, seeded.Select(i => i.GetProperty("username").GetString()).Distinct().Count());
        Assert.Empty((await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("items").EnumerateArray());

        (await emulator.PostAsync($"orgs/{emulator.Org}/employees", NewEmployee(emulator.Org))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(15, Items(await AllEmployeePagesAsync(emulator, "items_per_page=100")).Length);
        await emulator.ControlAsync("reset");
        Assert.Equal(items.Select(i => i.ToString()), Items(await AllEmployeePagesAsync(emulator, "items_per_page=100")).Select(i => i.ToString()));
    }

    [Fact]
    public async Task AnEmployee_HasThePublishedFields_TheRoleWithItsName_AndItsPinCodeHash()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var created = await emulator.PostAsync($"orgs/{emulator.Org}/employees", NewEmployee(emulator.Org));
        created.ShouldBe(HttpStatusCode.OK);
        var json = created.Json;
        string[] fields = ["guid", "type_of", "name", "username", "phone", "role", "inn", "pin_code_hash", "email", "organization", "meta", "meta_data", "created_at", "updated_at", "deleted_at"];
        Assert.Equal(fields, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Employee", json.GetProperty("type_of").GetString());
        Assert.Equal("+7 (901) 555-12-34", json.GetProperty("phone").GetString());
        Assert.Equal(RoleGuid(emulator.Org, "Cashier").ToString(), json.GetProperty("role").GetProperty("guid").GetString());
        Assert.Equal("Role", json.GetProperty("role").GetProperty("type_of").GetString());
        Assert.Equal("Cashier", json.GetProperty("role").GetProperty("name").GetString());
        Assert.Equal(PinHash, json.GetProperty("pin_code_hash").GetString());
        Assert.Equal(emulator.Org.ToString(), json.GetProperty("organization").GetProperty("guid").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("deleted_at").ValueKind);

        var got = await emulator.GetAsync($"v6/orgs/{emulator.Org}/employees/{created.Guid}");
        Assert.Equal(created.Body, got.Body);
        (await emulator.GetAsync($"orgs/{emulator.Org}/employees/{Guid.NewGuid()}")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.GetAsync($"orgs/{emulator.Org}/employees/not-a-guid")).ShouldBeError(HttpStatusCode.NotFound, "NotFound");
        (await emulator.DeleteAsync($"orgs/{emulator.Org}/employees/{created.Guid}")).ShouldBeError(HttpStatusCode.MethodNotAllowed, "NotAllowed");
    }

    [Theory]
    [InlineData("name", "Ива")]
    [InlineData("name", null)]
    [InlineData("username", "x")]
    [InlineData("username", "with space")]
    [InlineData("username", "abcdefghijklmnopqrstuvwxy")]
    [InlineData("phone", null)]
    [InlineData("phone", "12345")]
    [InlineData("phone", "+1 212 555 12 34")]
    [InlineData("phone", "call me")]
    [InlineData("inn", "12345678901")]
    [InlineData("inn", "12345678901a")]
    [InlineData("pin_code_hash", "short")]
    [InlineData("email", "a@b")]
    [InlineData("role", null)]
    public async Task AnInvalidNewEmployee_Is422(string field, string? value)
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        var body = JsonSerializer.SerializeToNode(NewEmployee(emulator.Org))!.AsObject();
        body[field] = value;
        var answer = await emulator.PostAsync($"orgs/{emulator.Org}/employees", body.ToJsonString());
        answer.ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        Assert.Contains(field, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PinHash, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenPhoneOrUsername_OrAnUnknownRole_Is422WithItsCode()
    {
        var second = Guid.NewGuid();
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Organizations.Add(Guid.NewGuid()); o.Organizations.Add(second); });
        var url = $"orgs/{emulator.Org}/employees";
        (await emulator.PostAsync(url, NewEmployee(emulator.Org))).ShouldBe(HttpStatusCode.OK);
        (await emulator.PostAsync(url, NewEmployee(emulator.Org, username: "other", phone: "89015551234"))).ShouldBeError(HttpStatusCode.UnprocessableEntity, "PhoneIsAlreadyTaken");
        (await emulator.PostAsync(url, NewEmployee(emulator.Org, username: "New.Cashier", phone: "+79015550000"))).ShouldBeError(HttpStatusCode.UnprocessableEntity, "UsernameIsAlreadyTaken");
        // The default phone account is an employee too.
        (await emulator.PostAsync(url, NewEmployee(emulator.Org, username: "other", phone: "+7 999 000-00-00"))).ShouldBeError(HttpStatusCode.UnprocessableEntity, "PhoneIsAlreadyTaken");

        var unknownRole = JsonSerializer.SerializeToNode(NewEmployee(emulator.Org, username: "other", phone: "+79015550000"))!.AsObject();
        unknownRole["role"] = JsonSerializer.SerializeToNode(new { guid = Guid.NewGuid(), type_of = "Role" });
        (await emulator.PostAsync(url, unknownRole.ToJsonString())).ShouldBeError(HttpStatusCode.UnprocessableEntity, "ReferenceNotFound");
        unknownRole["role"] = JsonSerializer.SerializeToNode(new { guid = RoleGuid(second, "Cashier"), type_of = "Role" });
        (await emulator.PostAsync(url, unknownRole.ToJsonString())).ShouldBeError(HttpStatusCode.UnprocessableEntity, "ReferenceNotFound");
        // The same phone and username are free in another organization.
        (await emulator.PostAsync($"orgs/{second}/employees", NewEmployee(second))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheList_Pages_Searches_Orders_AndFiltersByDate()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => o.Employees = 12);
        var pages = await AllEmployeePagesAsync(emulator, "items_per_page=5&include_items_total=true");
        Assert.Equal([5, 5, 5], pages.Select(p => p.Json.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(15, p.Json.GetProperty("items_total").GetInt32()));
        var all = Items(pages);
        Assert.Equal(15, all.Select(i => i.GetProperty("guid").GetString()).Distinct().Count());

        async Task<string[]> Usernames(string query) => Items(await AllEmployeePagesAsync(emulator, query)).Select(i => i.GetProperty("username").GetString()!).ToArray();
        Assert.Equal(["ivanov1", "ivanov11"], await Usernames("query=" + Uri.EscapeDataString("иВАНОВ ИВАН петрович") + "&order_by=name_asc&items_per_page=1"));
        Assert.Equal(["petrova2"], await Usernames("query=petrova2"));
        Assert.Equal(["sidorov3"], await Usernames("query=9001234563"));
        Assert.Equal(["sidorov3"], await Usernames("query=" + Uri.EscapeDataString("+7 900 123-45-63")));
        Assert.Equal(["ivanov1"], await Usernames("query=770700000001"));
        Assert.Equal(["kuznetsova4"], await Usernames("query=kuznetsova4@example.ru"));
        Assert.Equal(["smirnov5", "novikova10"], await Usernames("query=" + Uri.EscapeDataString("торговый зал") + "&order_by=created_at_asc"));
        Assert.Equal(["kuznetsova4", "sokolova8", "petrova12"], await Usernames("query=seeded"));
        Assert.Empty(await Usernames("selection=archived_only"));
        Assert.Equal(15, (await Usernames("selection=all")).Length);

        var byName = await Usernames("order_by=name_desc&items_per_page=4");
        Assert.Equal(all.Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("username").GetString()!))
            .OrderByDescending(k => k.Item1, StringComparer.OrdinalIgnoreCase).Select(k => k.Item2), byName);
        Assert.Equal(all.Select(i => i.GetProperty("username").GetString()).Reverse(), await Usernames("order_by=created_at_desc&items_per_page=7"));

        var from = Uri.EscapeDataString(all[3].GetProperty("created_at").GetString()!);
        var to = Uri.EscapeDataString(all[5].GetProperty("updated_at").GetString()!);
        Assert.Equal(["ivanov1", "petrova2", "sidorov3"], await Usernames($"created_from={from}&updated_to={to}&items_per_page=2"));

        foreach (var bad in new[] { "order_by=number_asc", "order_by=workplace_type_desc", "selection=dead", "items_per_page=0", "created_from=today", "query=" + new string('x', 65) })
            (await emulator.GetAsync($"orgs/{emulator.Org}/employees?{bad}")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
    }

    [Fact]
    public async Task APageTokenOfOneList_IsNotValidOnAnother()
    {
        await using var emulator = await EmulatorFixture.StartAsync(o => { o.Seed = 30; o.Employees = 30; });
        var workplaceToken = (await emulator.GetAsync(emulator.Workplaces)).Json.GetProperty("next_page_token").GetString();
        var employeeToken = (await emulator.GetAsync($"orgs/{emulator.Org}/employees")).Json.GetProperty("next_page_token").GetString();
        (await emulator.GetAsync($"orgs/{emulator.Org}/employees?page_token={workplaceToken}")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.GetAsync($"{emulator.Workplaces}?page_token={employeeToken}")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "RequestIsNotValid");
        (await emulator.GetAsync($"orgs/{emulator.Org}/employees?page_token={employeeToken}")).ShouldBe(HttpStatusCode.OK);
    }
}
