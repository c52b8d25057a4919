using System.Net;
using System.Net.Sockets;
using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task MissingWorkplace_Is404NotFoundWithAHintAboutArchivedOnes()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var missing = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetWorkplaceAsync(emulator.OrganizationId, missing, RequestContext.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Contains(missing.ToString(), error.ServerMessage);
        Assert.StartsWith("LIFE POS answered 404 NotFound: ", error.Message);
        Assert.Contains("-Selection All", error.Message);
        Assert.Equal("GET", error.Method);
        Assert.EndsWith(missing.ToString(), error.Path);
        Assert.False(error.MayHaveSucceeded);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task TooLongName_Is422RequestIsNotValidAndIsNotRetried()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.CreateWorkplaceAsync(
            emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = new string('x', 129) }, RequestContext.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("RequestIsNotValid", error.ErrorCode);
        Assert.Contains("128", error.Message);
        Assert.Equal(1, await emulator.RequestsAsync("create"));
    }

    [Fact]
    public async Task Manager_GetsNoPermissionsOnChangesButCanRead()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Accounts.Add("manager@example.com:password1:Manager"));
        using var client = emulator.CreateClient(o =>
        {
            o.Token = null;
            o.SignIn = new CredentialSignIn("manager@example.com", LiveEmulator.Secure("password1"));
        });

        var list = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).ToList();
        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.CreateWorkplaceAsync(
            emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Not allowed" }, RequestContext.None));

        Assert.Empty(list);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("NoPermissions", error.ErrorCode);
        Assert.Contains("Owner or Administrator", error.Message);
    }

    [Fact]
    public async Task ArchivedWorkplace_CannotBeChangedAndFailedTestOperationIsReported()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var first = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "One" }, RequestContext.None);
        var second = await client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Two" }, RequestContext.None);
        await client.ArchiveWorkplaceAsync(org, first.Id, RequestContext.None);

        var archived = await Assert.ThrowsAsync<LifePosApiException>(() =>
            client.UpdateWorkplaceAsync(org, first.Id, new[] { JsonPatchOperation.Replace("/name", "x") }, RequestContext.None));
        var failedTest = await Assert.ThrowsAsync<LifePosApiException>(() => client.UpdateWorkplaceAsync(
            org, second.Id, new[] { JsonPatchOperation.Test("/name", "Not two"), JsonPatchOperation.Replace("/name", "x") }, RequestContext.None));

        Assert.Equal("NotAllowedForArchived", archived.ErrorCode);
        Assert.Contains("Restore-LifePosWorkplace", archived.Message);
        Assert.Equal("OperationCannotBePerformed", failedTest.ErrorCode);
        Assert.Equal("Two", (await client.GetWorkplaceAsync(org, second.Id, RequestContext.None)).Name);
    }

    [Fact]
    public async Task WrongActivationCodes_Are401WrongActivationCodeThenA429BanThatIsNotRetried()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await Assert.ThrowsAsync<LifePosApiException>(() => client.ActivateWorkplaceAsync("00000000", RequestContext.None));
            Assert.IsNotType<LifePosAuthenticationException>(wrong);
            Assert.Equal("WrongActivationCode", wrong.ErrorCode);
        }

        var banned = await Assert.ThrowsAsync<LifePosApiException>(() => client.ActivateWorkplaceAsync("00000000", RequestContext.None));

        Assert.Equal(429, banned.StatusCode);
        Assert.Equal("TryActivateLater", banned.ErrorCode);
        Assert.Equal(6, await emulator.RequestsAsync("activate"));
    }

    [Theory]
    [InlineData("html", "HTML page titled '502 Bad Gateway'")]
    [InlineData("empty", "an empty body")]
    [InlineData("truncated", "cut-off or malformed JSON")]
    [InlineData("bad-shape", "JSON of another shape")]
    public async Task BadSuccessAnswer_BecomesInvalidResponseNotACrash(string fault, string described)
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 1);
        using var client = emulator.CreateClient();
        var id = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).First().Id;
        await emulator.ForceNextAsync("get", fault);

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetWorkplaceAsync(emulator.OrganizationId, id, RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains(described, error.Message);
        Assert.Contains("instead of a workplace", error.Message);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadAnswerOnAListPage_BecomesInvalidResponse()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 3);
        using var client = emulator.CreateClient();
        await emulator.ForceNextAsync("list", "truncated");

        var error = Assert.Throws<LifePosApiException>(() => client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).ToList());

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task PersistentServerFailure_GivesUpAfterMaxRetriesSayingSo()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient(o => o.MaxRetries = 3);
        await emulator.ForceNextAsync("get", "500", "502", "504");

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetWorkplaceAsync(emulator.OrganizationId, Guid.NewGuid(), RequestContext.None));

        Assert.Equal(504, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("gave up after 3 tries", error.Message);
        Assert.Contains("try again later", error.Message);
        Assert.Equal(3, await emulator.RequestsAsync("get"));
    }

    [Fact]
    public async Task UnreachableService_IsRetriedUntilTheOutageTimeoutThenOneClearError()
    {
        // A port bound but not listening refuses connections, and stays ours for the whole test.
        using var closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closedPort.LocalEndPoint!).Port;
        var clock = new ManualClock();
        using var client = LifePosClient.Create(new LifePosClientOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/"),
            Token = LiveEmulator.Secure("unused-token"),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            OutageTimeout = TimeSpan.FromMilliseconds(50),
            Clock = clock,
        });

        var error = await Assert.ThrowsAsync<LifePosServiceUnreachableException>(() => client.GetOrganizationsAsync(RequestContext.None));

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.StartsWith("LIFE POS at 127.0.0.1 has not been reachable for ", error.Message);
        Assert.Contains("(connection failed)", error.Message);
        Assert.Contains("-OutageTimeout", error.Message);
        Assert.True(clock.Now >= TimeSpan.FromMilliseconds(50), "it waited the outage out on the pipeline's clock");
        Assert.True(client.RetryCount > 3, "while no request reaches the service, MaxRetries does not end the call");

        // Once open, the next call fails at once without sending anything.
        var waits = clock.Waits.Count;
        await Assert.ThrowsAsync<LifePosServiceUnreachableException>(() => client.GetOrganizationsAsync(RequestContext.None));
        Assert.Equal(waits, clock.Waits.Count);
    }

    [Fact]
    public async Task SlowAnswer_TimesOutEachTryAndFeedsTheOutageBreaker()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.LatencyMs = 2000);
        using var client = emulator.CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(150);
            o.MaxRetries = 2;
            o.OutageTimeout = TimeSpan.FromMilliseconds(400);
        });

        var error = await Assert.ThrowsAsync<LifePosServiceUnreachableException>(() => client.GetOrganizationsAsync(RequestContext.None));

        Assert.Contains("(no answer within 0.15 s)", error.Message);
        Assert.Contains("-Timeout", error.Message);
    }
}
