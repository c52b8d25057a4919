using LifePos.Core;
using LifePos.Core.Paging;

namespace LifePos.Tests.Fuzzing;

/// <summary>Every public async method of the façade, and each way its lists are read (streamed, with prefetch, or all pages at once).</summary>
internal static class FuzzOperations
{
    /// <summary>More items than the server ever lists: a list that reaches it did not end.</summary>
    public const int MostItems = 1000;

    private static readonly Guid Org = ValidAnswers.Organization;
    private static readonly Guid Wp = ValidAnswers.Workplace;
    private static readonly Guid Employee = ValidAnswers.Employee;
    private static readonly Guid Outlet = ValidAnswers.Outlet;
    private static readonly string Workplaces = "/orgs/" + Org + "/workplaces";
    private static readonly string OneWorkplace = Workplaces + "/" + Wp;

    public static IReadOnlyList<FuzzOperation> All { get; } =
    [
        new("GetOrganizations", "GET", "/orgs", false, async (client, context) => await client.GetOrganizationsAsync(context)),
        new("ListWorkplaces (streamed)", "GET", Workplaces, false,
            (client, context) => Streamed(client.ListWorkplaces(Org, new WorkplaceListQuery { PageSize = 3 }, context))),
        new("ListWorkplaces (all pages)", "GET", Workplaces, false,
            (client, context) => AllPagesAsync(client.ListWorkplaces(Org, new WorkplaceListQuery { IncludeItemsTotal = true }, context))),
        new("GetWorkplace", "GET", OneWorkplace, false, async (client, context) => await client.GetWorkplaceAsync(Org, Wp, context)),
        new("CreateWorkplace", "POST", Workplaces, false, async (client, context) => await client.CreateWorkplaceAsync(
            Org, new WorkplaceCreateRequest { Name = ValidAnswers.WorkplaceName, WorkplaceType = WorkplaceType.Stationary, Meta = "fuzz" }, context)),
        new("UpdateWorkplace", "PATCH", OneWorkplace, false,
            async (client, context) => await client.UpdateWorkplaceAsync(Org, Wp, [JsonPatchOperation.Replace("/name", "Новое имя")], context)),
        new("ArchiveWorkplace", "DELETE", OneWorkplace, true, async (client, context) => await client.ArchiveWorkplaceAsync(Org, Wp, context)),
        new("UnarchiveWorkplace", "POST", OneWorkplace + ":unarchive", true,
            async (client, context) => await client.UnarchiveWorkplaceAsync(Org, Wp, context)),
        new("DeactivateWorkplace", "POST", OneWorkplace + ":deactivate", true,
            async (client, context) => await client.DeactivateWorkplaceAsync(Org, Wp, context)),
        new("GenerateActivationCode", "POST", "/v6" + OneWorkplace + ":generate-activation-code", false,
            async (client, context) => await client.GenerateActivationCodeAsync(Org, Wp, Employee, null, false, context)),
        new("GenerateActivationCode (SMS)", "POST", "/v6" + OneWorkplace + ":generate-activation-code", false,
            async (client, context) => await client.GenerateActivationCodeAsync(Org, Wp, Employee, Outlet, true, context)),
        new("ActivateWorkplace", "POST", "/v6/auth/activate-workplace", false,
            async (client, context) => await client.ActivateWorkplaceAsync("12345678", context)),
        new("SignIn (phone)", "POST", "/auth/sign-in-by-phone", false, async (client, context) => await client.SignInAsync(context), "+7 900 123-45-61"),
        new("SignIn (user name)", "POST", "/auth/sign-in", false, async (client, context) => await client.SignInAsync(context), "owner@fuzz.example"),
        new("ListEmployees (all pages)", "GET", "/orgs/" + Org + "/employees", false,
            (client, context) => AllPagesAsync(client.ListEmployees(Org, new DirectoryListQuery { Query = "Иванов" }, context))),
        new("GetEmployee", "GET", "/orgs/" + Org + "/employees/" + Employee, false,
            async (client, context) => await client.GetEmployeeAsync(Org, Employee, context)),
        new("GetCurrentEmployee", "GET", "/orgs/" + Org + "/me", false, async (client, context) => await client.GetCurrentEmployeeAsync(Org, context)),
        new("ListOutlets (streamed)", "GET", "/orgs/" + Org + "/outlets", false,
            (client, context) => Streamed(client.ListOutlets(Org, new DirectoryListQuery(), context))),
        new("GetOutlet", "GET", "/orgs/" + Org + "/outlets/" + Outlet, false, async (client, context) => await client.GetOutletAsync(Org, Outlet, context)),
        new("SendRaw GET", "GET", OneWorkplace, true, async (client, context) => await client.SendRawAsync("GET", OneWorkplace, null, context)),
        new("SendRaw POST", "POST", Workplaces, true,
            async (client, context) => await client.SendRawAsync("POST", Workplaces, "{\"workplace_type\":\"Mobile\",\"name\":\"x\"}", context)),
        new("SendRawAllPages", "GET", "/orgs/" + Org + "/employees", false,
            (client, context) => Streamed(client.SendRawAllPages("/orgs/" + Org + "/employees?items_per_page=3", context))),
    ];

    /// <summary>Every page at once, as cmdlets that need the whole list read it (no prefetch), up to <see cref="MostItems"/>.</summary>
    private static async Task<object?> AllPagesAsync<T>(Pageable<T> list)
    {
        var items = new List<T>();
        await list.ForEachAsync(item =>
        {
            items.Add(item);
            return items.Count < MostItems;
        });
        return items;
    }

    /// <summary>Item by item on a thread of its own, as the pipeline reads a list (with prefetch), up to <see cref="MostItems"/>.</summary>
    private static Task<object?> Streamed<T>(IEnumerable<T> list) => Task.Run<object?>(() =>
    {
        var items = new List<T>();
        foreach (var item in list)
        {
            items.Add(item);
            if (items.Count >= MostItems)
            {
                break;
            }
        }

        return items;
    });
}
