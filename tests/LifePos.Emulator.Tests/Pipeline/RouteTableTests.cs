using LifePos.Emulator.Pipeline;
using LifePos.Emulator.State;

namespace LifePos.Emulator.Tests.Pipeline;

public sealed class RouteTableTests
{
    [Fact]
    public void TheTable_HasEveryRouteNameOnce_AndEveryRowAHandler()
    {
        Assert.Equal(Enum.GetValues<RouteName>(), ApiRoutes.All.Select(r => r.Name));
        Assert.Equal(ApiRoutes.All.Length, ApiRoutes.All.Select(r => r.Key).Distinct().Count());
        Assert.All(ApiRoutes.All, r => Assert.NotNull(r.Handler));
        Assert.Equal(ApiRoutes.All.Length, ApiRoutes.All.Select(r => $"{r.Method} {r.Template}").Distinct().Count());
    }

    [Fact]
    public void TheKeys_AreTheEndpointNamesThatStatsAndNextEndpointUse()
    {
        string[] documented =
        [
            "orgs", "sign-in", "sign-in-by-phone", "list", "create", "get", "update", "archive", "unarchive", "deactivate",
            "generate-activation-code", "activate", "employees", "employee", "create-employee", "me", "outlets", "outlet",
        ];
        Assert.Equal(documented, ApiRoutes.Keys);
        Assert.All(ApiRoutes.All, r => Assert.Same(r, ApiRoutes.Find(r.Key)));
        Assert.Null(ApiRoutes.Find("Create"));
    }

    [Fact]
    public void TheCallers_AreTheDocumentedRights()
    {
        foreach (var route in ApiRoutes.All)
        {
            var me = route.Name == RouteName.Me;
            if (!route.NeedsToken) Assert.Equal(Enum.GetValues<Role>(), route.Callers);
            else if (route.ChangesState) Assert.Equal([Role.Owner, Role.Administrator], route.Callers);
            else Assert.Contains(Role.Manager, route.Callers);
            // Cashier, Courier and Guest reach only /me; a workplace token is no employee, so it reads all but /me.
            if (route.NeedsToken) Assert.Equal(me, route.Callers.Contains(Role.Cashier));
            if (route.NeedsToken) Assert.Equal(!me && !route.ChangesState, route.Callers.Contains(Role.Workplace));
        }
    }

    [Theory]
    [InlineData("GET /orgs", "orgs", null, null)]
    [InlineData("get /V6/orgs/", "orgs", null, null)]
    [InlineData("POST /auth/activate-workplace", "activate", null, null)]
    [InlineData("DELETE /v6/orgs/o/workplaces/w", "archive", "o", "w")]
    [InlineData("POST /orgs/o/workplaces/w:unarchive", "unarchive", "o", "w")]
    [InlineData("POST /orgs/o/workplaces/:generate-activation-code", "generate-activation-code", "o", "")]
    [InlineData("GET /orgs//workplaces", "list", "", null)]
    [InlineData("GET /orgs/o/employees/a:b", "employee", "o", "a:b")]
    public void Match_FindsTheRow_AndTheOrganizationAndIdOfThePath(string request, string key, string? organization, string? id)
    {
        var (method, path) = Split(request);
        var match = ApiRoutes.Match(method, path, out var methodAllowed);
        Assert.True(methodAllowed);
        Assert.NotNull(match);
        Assert.Equal(key, match.Row.Key);
        Assert.Equal(organization, match.Organization);
        Assert.Equal(id, match.Id);
    }

    [Theory]
    [InlineData("GET /no/such/route", true)]
    [InlineData("GET /v6", true)]
    [InlineData("POST /orgs/o/workplaces/w:nonsense", true)]
    [InlineData("POST /orgs/o/workplaces/w:x:unarchive", true)]
    [InlineData("GET /orgs/o/workplaces/w:unarchive", false)]
    [InlineData("PUT /orgs/o/workplaces/w", false)]
    [InlineData("POST /orgs/o/outlets", false)]
    [InlineData("GET /auth/sign-in", false)]
    public void Match_TellsAnUnknownPath_FromAMethodThePathDoesNotTake(string request, bool methodAllowed)
    {
        var (method, path) = Split(request);
        Assert.Null(ApiRoutes.Match(method, path, out var allowed));
        Assert.Equal(methodAllowed, allowed);
    }

    /// <summary>"METHOD /path", as a request line.</summary>
    private static (string Method, string Path) Split(string request)
    {
        var space = request.IndexOf(' ', StringComparison.Ordinal);
        return (request[..space], request[(space + 1)..]);
    }
}
