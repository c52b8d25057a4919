using System.Text.Json.Nodes;

namespace LifePos.Tests.Fuzzing;

/// <summary>
/// The answers LIFE POS gives when all is well, shaped as the emulator writes them (snake_case, <c>type_of</c> on every
/// object, references as <c>{guid, type_of}</c>, dates with milliseconds and an offset). Every call builds a fresh tree,
/// so a mutation never leaks into the next answer.
/// </summary>
internal static class ValidAnswers
{
    public static readonly Guid Organization = new("5f0c4a36-2d4e-4f0b-9a7e-0a1b2c3d4e5f");
    public static readonly Guid Workplace = new("7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e60");
    public static readonly Guid Employee = new("9a8b7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d");
    public static readonly Guid Outlet = new("1b2c3d4e-5f60-4718-a9b0-c1d2e3f40516");
    public const string WorkplaceName = "Касса fuzz";

    // After any clock this test will run on: a lost create's lookup (created since the request started) finds it.
    private const string Created = "2100-01-01T00:00:00.000+00:00";
    private const string Activated = "2100-01-01T00:00:30.000+00:00";

    /// <summary>The valid answer for a request; a list answers page <paramref name="page"/> of <paramref name="pages"/>.</summary>
    public static JsonObject For(AnswerKind kind, int page, int pages, Random random) => kind switch
    {
        AnswerKind.SignIn => new JsonObject { ["token"] = "tq3Jp0vX8yZ2nK5mW7rB1cD4eF6gH9iL0oP2sU4wY6a=" },
        AnswerKind.Activation => ActivationAnswer(random.Next(2) == 0),
        AnswerKind.ActivationCode => new JsonObject { ["activation_code"] = "12345678" },
        AnswerKind.OrganizationList => Envelope(page, pages, "Organization", random, index => OrganizationItem(index)),
        AnswerKind.Workplace => WorkplaceItem(0),
        AnswerKind.WorkplaceList => Envelope(page, pages, "Workplace", random, WorkplaceItem),
        AnswerKind.Employee => EmployeeItem(0),
        AnswerKind.EmployeeList => Envelope(page, pages, "Employee", random, EmployeeItem),
        AnswerKind.Outlet => OutletItem(0),
        AnswerKind.OutletList => Envelope(page, pages, "Outlet", random, OutletItem),
        _ => new JsonObject { ["code"] = "NotFound", ["message"] = "No such endpoint." },
    };

    /// <summary>An error body as the API (or a gateway in front of it) might word it.</summary>
    public static (JsonObject Body, string ContentType) Error(int status, Random random) => random.Next(3) switch
    {
        0 => (new JsonObject { ["code"] = CodeFor(status), ["message"] = "Запрос не выполнен." }, "application/json"),
        1 => (new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = CodeFor(status),
            ["status"] = status,
            ["detail"] = "The request failed.",
            ["traceId"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        }, "application/problem+json"),
        _ => (new JsonObject { ["error"] = new JsonObject { ["code"] = CodeFor(status), ["message"] = "Failed" } }, "application/json; charset=utf-8"),
    };

    private static string CodeFor(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        404 => "NotFound",
        409 => "Duplicate",
        422 => "RequestIsNotValid",
        429 => "TooManyRequests",
        503 => "TryLater",
        _ => "InternalServerError",
    };

    private static Guid Nth(Guid first, int index) =>
        index == 0 ? first : new Guid(first.ToString("D")[..^4] + index.ToString("x4"));

    private static JsonObject Reference(Guid id, string typeOf) => new() { ["guid"] = id.ToString("D"), ["type_of"] = typeOf };

    private static JsonObject Envelope(int page, int pages, string typeOf, Random random, Func<int, JsonObject> item)
    {
        var items = new JsonArray();
        var count = random.Next(4);
        for (var index = 0; index < count; index++)
        {
            items.Add(item((page - 1) * 3 + index));
        }

        var envelope = new JsonObject { ["items"] = count == 0 && random.Next(2) == 0 ? null : items };
        if (page < pages)
        {
            envelope["next_page_token"] = "page-" + (page + 1);
        }
        else
        {
            // The last page's token: empty, null or absent, all seen in the API's answers.
            switch (random.Next(3))
            {
                case 0: envelope["next_page_token"] = string.Empty; break;
                case 1: envelope["next_page_token"] = null; break;
            }
        }

        envelope["page_number"] = page;
        envelope["pages_total"] = pages;
        envelope["items_per_page"] = 3;
        envelope["items_total"] = random.Next(2) == 0 ? null : pages * 3;
        envelope["type_of"] = typeOf;
        return envelope;
    }

    private static JsonObject OrganizationItem(int index) => new()
    {
        ["guid"] = Nth(Organization, index).ToString("D"),
        ["name"] = "ООО «Лайф» " + index,
        ["type_of"] = "Organization",
    };

    private static JsonObject WorkplaceItem(int index) => new()
    {
        ["guid"] = Nth(Workplace, index).ToString("D"),
        ["type_of"] = "Workplace",
        ["number"] = index + 1,
        ["name"] = index == 0 ? WorkplaceName : "Касса " + index.ToString("D4"),
        ["workplace_type"] = new[] { "Unknown", "Mobile", "Stationary", "Automat" }[index % 4],
        ["activated_at"] = index % 2 == 0 ? Activated : null,
        ["organization"] = Reference(Organization, "Organization"),
        ["extensions"] = new JsonObject
        {
            ["nadex_soft_pos"] = new JsonObject { ["turned_on"] = true, ["virtual_serial_number"] = "EMU0000000000000005", ["version"] = "1.0" },
            ["smart_pos"] = new JsonObject
            {
                ["emv_config"] = "eyJ0ZXJtaW5hbCI6MX0=",
                ["tms_params"] = new JsonObject { ["ip"] = "10.0.0.5", ["port"] = 8443, ["ca1"] = "x", ["ca2"] = "y" },
                ["version"] = "2.1",
            },
        },
        ["meta"] = "moscow",
        ["meta_data"] = new JsonObject { ["shelf"] = 3, ["price"] = 12.50m, ["tags"] = new JsonArray("a", "б") },
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["deleted_at"] = null,
    };

    private static JsonObject EmployeeItem(int index) => new()
    {
        ["guid"] = Nth(Employee, index).ToString("D"),
        ["type_of"] = "Employee",
        ["name"] = "Иванов Иван Петрович",
        ["username"] = "ivanov" + index,
        ["phone"] = "+79001234561",
        ["role"] = new JsonObject { ["guid"] = Nth(Employee, 900 + index).ToString("D"), ["type_of"] = "Role", ["name"] = "Administrator" },
        ["inn"] = "500100732259",
        ["pin_code_hash"] = "0123456789abcdef0123456789abcdef",
        ["email"] = "ivanov@example.com",
        ["organization"] = Reference(Organization, "Organization"),
        ["meta"] = null,
        ["meta_data"] = null,
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["deleted_at"] = null,
    };

    private static JsonObject OutletItem(int index) => new()
    {
        ["guid"] = Nth(Outlet, index).ToString("D"),
        ["type_of"] = "Outlet",
        ["name"] = "Магазин на Тверской",
        ["address"] = "г. Москва, ул. Тверская, д. 7",
        ["legal_entity"] = Reference(Nth(Outlet, 500 + index), "LegalEntity"),
        ["brand"] = "Лайф Маркет",
        ["organization"] = Reference(Organization, "Organization"),
        ["extensions"] = new JsonObject
        {
            ["retail_app"] = new JsonObject { ["turned_on"] = true, ["version"] = "3" },
            ["lifepay_cloud_fiscalization"] = new JsonObject { ["turned_on"] = true, ["api_key"] = "sk_live_0123456789" },
        },
        ["created_at"] = Created,
        ["updated_at"] = Created,
        ["deleted_at"] = null,
    };

    private static JsonObject ActivationAnswer(bool withToken)
    {
        var answer = new JsonObject
        {
            ["workplace"] = Reference(Workplace, "Workplace"),
            ["organization"] = Reference(Organization, "Organization"),
            ["outlet"] = null,
            ["employee"] = Reference(Employee, "Employee"),
        };
        if (withToken)
        {
            answer["token"] = "wp0Jp0vX8yZ2nK5mW7rB1cD4eF6gH9iL0oP2sU4wY6a=";
        }

        return answer;
    }
}
