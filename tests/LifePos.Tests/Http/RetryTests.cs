using LifePos.Core;
using LifePos.Shell.Runs;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

public sealed class RetryTests
{
    private static WorkplaceCreateRequest Named(string name) => new() { WorkplaceType = WorkplaceType.Stationary, Name = name };

    private static int CountNamed(LifePosClient client, Guid org, string name) =>
        client.ListWorkplaces(org, new WorkplaceListQuery { Query = name }, RequestContext.None).Count(w => w.Name == name);

    [Fact]
    public async Task Unavailable503_IsRetriedAndTheCallSucceeds()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 1);
        using var client = emulator.CreateClient();
        var observer = new RecordingObserver();
        var context = new RequestContext(default, observer);
        await emulator.ForceNextAsync("orgs", "503");

        var organizations = await client.GetOrganizationsAsync(context);

        Assert.Single(organizations);
        Assert.Equal(2, await emulator.RequestsAsync("orgs"));
        Assert.Equal(1, client.RetryCount);
        Assert.Equal(1, context.RetryCount);
        var retry = Assert.Single(observer.Retries);
        Assert.StartsWith("503 ", retry.Reason);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(new[] { "503", "200" }, observer.Requests.Select(r => r.Status));
        Assert.Equal(new[] { 1, 2 }, observer.Requests.Select(r => r.Attempt));
    }

    [Fact]
    public async Task TooManyRequests429_WaitsTheRetryAfterTheServerAsks()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var clock = new ManualClock();
        using var client = emulator.CreateClient(o =>
        {
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
            o.Clock = clock;
        });
        var observer = new RecordingObserver();
        await emulator.ForceNextAsync("orgs", "429");

        await client.GetOrganizationsAsync(new RequestContext(default, observer));

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(observer.Retries).Delay);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.Waits));
        Assert.Equal(2, await emulator.RequestsAsync("orgs"));
    }

    [Fact]
    public async Task RateLimits_AreWaitedOutAndNeverCountAsFailedTries()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var clock = new ManualClock();
        using var client = emulator.CreateClient(o =>
        {
            o.MaxRetries = 2;
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
            o.Clock = clock;
        });
        await emulator.ForceNextAsync("orgs", "429", "429", "429", "429");

        var organizations = await client.GetOrganizationsAsync(RequestContext.None);

        Assert.Single(organizations);
        Assert.Equal(5, await emulator.RequestsAsync("orgs"));
        Assert.Equal(4, clock.Waits.Count);
    }

    [Fact]
    public async Task ACallThatKeepsBeingRateLimited_EndsAtTheOperationTimeoutSayingWhichSettingChangesIt()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var clock = new ManualClock();
        using var client = emulator.CreateClient(o =>
        {
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
            o.OperationTimeout = TimeSpan.FromSeconds(3.5);
            o.Clock = clock;
        });
        await emulator.ForceNextAsync("orgs", Enumerable.Repeat("429", 10).ToArray());

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetOrganizationsAsync(RequestContext.None));

        Assert.Equal("Timeout", error.ErrorCode);
        Assert.Equal(429, error.StatusCode);
        Assert.StartsWith("LIFE POS did not finish the request within 3.5 s, the time one call may take in all (-OperationTimeout of Connect-LifePos); the last try ended with 429 TooManyRequests.", error.Message);
        Assert.Equal(4, await emulator.RequestsAsync("orgs"));
    }

    [Fact]
    public async Task RetryAfter_IsCappedByMaxRetryDelay()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(30));
        var observer = new RecordingObserver();
        await emulator.ForceNextAsync("orgs", "429", "503");

        await client.GetOrganizationsAsync(new RequestContext(default, observer));

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(30) }, observer.Retries.Select(r => r.Delay));
    }

    [Fact]
    public async Task Backoff_GrowsExponentiallyWithJitterUpToTheCap()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(4);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 6;
        });
        var observer = new RecordingObserver();
        await emulator.ForceNextAsync("orgs", "502", "502", "502", "502", "502");

        await client.GetOrganizationsAsync(new RequestContext(default, observer));

        var delays = observer.Retries.Select(r => r.Delay.TotalMilliseconds).ToArray();
        Assert.Equal(5, delays.Length);
        var steps = new[] { 4.0, 8, 16, 20, 20 };
        for (var index = 0; index < steps.Length; index++)
        {
            Assert.InRange(delays[index], steps[index] / 2, steps[index]);
        }
    }

    [Fact]
    public async Task DroppedConnectionOnARead_IsRetried()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await emulator.ForceNextAsync("orgs", "drop-before", "drop-after");

        var organizations = await client.GetOrganizationsAsync(RequestContext.None);

        Assert.Single(organizations);
        Assert.Equal(2, client.RetryCount);
    }

    [Fact]
    public async Task Create_WhoseAnswerIsLostAfterTheServerActed_FindsTheWorkplaceByNameInsteadOfCreatingItTwice()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        await emulator.ForceNextAsync("create", "drop-after");

        var created = await client.CreateWorkplaceAsync(org, Named("Store 0042"), RequestContext.None);

        Assert.Equal("Store 0042", created.Name);
        Assert.Equal(1, await emulator.RequestsAsync("create"));
        Assert.Equal(1, CountNamed(client, org, "Store 0042"));
        Assert.Equal(created.Id, (await client.GetWorkplaceAsync(org, created.Id, RequestContext.None)).Id);
    }

    [Fact]
    public async Task Create_DroppedBeforeTheServerActed_IsSentAgainAndCreatesOne()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        await emulator.ForceNextAsync("create", "drop-before");

        var created = await client.CreateWorkplaceAsync(org, Named("Store 0043"), RequestContext.None);

        Assert.Equal("Store 0043", created.Name);
        Assert.Equal(2, await emulator.RequestsAsync("create"));
        Assert.Equal(1, CountNamed(client, org, "Store 0043"));
    }

    [Fact]
    public async Task Create_With500_LooksUpTheNameThenCreatesOnce()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        await emulator.ForceNextAsync("create", "500", "504");

        var created = await client.CreateWorkplaceAsync(org, Named("Store 0044"), RequestContext.None);

        Assert.Equal(3, await emulator.RequestsAsync("create"));
        Assert.Equal(2, await emulator.RequestsAsync("list"));
        Assert.Equal(1, CountNamed(client, org, "Store 0044"));
        Assert.Equal("Store 0044", created.Name);
    }

    [Fact]
    public async Task Create_IgnoresAnArchivedNamesakeWhenLookingUp()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var earlier = await client.CreateWorkplaceAsync(org, Named("Twin"), RequestContext.None);
        await client.ArchiveWorkplaceAsync(org, earlier.Id, RequestContext.None);
        await emulator.ForceNextAsync("create", "500");

        var created = await client.CreateWorkplaceAsync(org, Named("Twin"), RequestContext.None);

        Assert.NotEqual(earlier.Id, created.Id);
        Assert.Equal(1, CountNamed(client, org, "Twin"));
    }

    [Fact]
    public async Task Create_SameNameTwiceInOneRun_ALostAnswerIsNotMistakenForTheFirstOne()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var first = await client.CreateWorkplaceAsync(org, Named("Kiosk"), RequestContext.None);
        await emulator.ForceNextAsync("create", "500");

        var second = await client.CreateWorkplaceAsync(org, Named("Kiosk"), RequestContext.None);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, CountNamed(client, org, "Kiosk"));
    }

    [Fact]
    public async Task Create_WithoutNameAndA500_ReportsItMayHaveSucceededAndIsNotRetried()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await emulator.ForceNextAsync("create", "500");

        var error = await Assert.ThrowsAsync<LifePosApiException>(() =>
            client.CreateWorkplaceAsync(emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile }, RequestContext.None));

        Assert.True(error.MayHaveSucceeded);
        Assert.Equal(500, error.StatusCode);
        Assert.StartsWith("The workplace may have been created", error.Message);
        Assert.Equal(1, await emulator.RequestsAsync("create"));
    }

    [Fact]
    public async Task Create_WithoutNameAndA503_IsRetriedBecauseTheServerDidNotAct()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await emulator.ForceNextAsync("create", "503", "429");

        var created = await client.CreateWorkplaceAsync(emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile }, RequestContext.None);

        Assert.Null(created.Name);
        Assert.Equal(3, await emulator.RequestsAsync("create"));
        Assert.Equal(1, await emulator.AliveAsync());
    }

    [Fact]
    public async Task ActivationCode_IsNotRepeatedAfterAnAmbiguousFailure()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 1);
        using var client = emulator.CreateClient();
        var id = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).Single().Id;
        var employee = await emulator.EmployeeAsync(withPhone: true);
        await emulator.ForceNextAsync("generate-activation-code", "drop-after");

        var error = await Assert.ThrowsAsync<LifePosApiException>(() =>
            client.GenerateActivationCodeAsync(emulator.OrganizationId, id, employee, null, true, RequestContext.None));

        Assert.True(error.MayHaveSucceeded);
        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Contains("sent by SMS", error.Message);
        Assert.Equal(1, await emulator.RequestsAsync("generate-activation-code"));
    }

    [Fact]
    public async Task Updates_AreRepeatedAfterAmbiguousFailuresBecauseTheyAreIdempotent()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 1);
        using var client = emulator.CreateClient();
        var org = emulator.OrganizationId;
        var id = client.ListWorkplaces(org, new WorkplaceListQuery(), RequestContext.None).Single().Id;
        await emulator.ForceNextAsync("update", "drop-after", "500");

        var updated = await client.UpdateWorkplaceAsync(org, id, new[] { JsonPatchOperation.Replace("/meta", "m") }, RequestContext.None);

        Assert.Equal("m", updated.Meta);
        Assert.Equal(3, await emulator.RequestsAsync("update"));
    }

    [Fact]
    public async Task Cancelling_DuringARetryWaitStopsTheWaitAndSendsNothingMore()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        // The wait would never end by itself: only the cancellation can end the call.
        var clock = new ManualClock { HoldWaits = true };
        using var client = emulator.CreateClient(o =>
        {
            o.MaxRetryDelay = TimeSpan.FromSeconds(30);
            o.Clock = clock;
        });
        using var cancellation = new CancellationTokenSource();
        await emulator.ForceNextAsync("orgs", "503");

        var call = client.GetOrganizationsAsync(new RequestContext(cancellation.Token));
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.FirstWait.Task);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, await emulator.RequestsAsync("orgs"));
    }

    [Fact]
    public async Task BulkCreateThroughTheThrottle_OnAFaultyNetwork_CreatesEveryRowOnceInInputOrder()
    {
        await using var emulator = await LiveEmulator.StartAsync(o =>
        {
            o.Faults = "500=0.1,503=0.05,429=0.05,502=0.02,504=0.02,drop-before=0.03,drop-after=0.03";
            o.FaultSeed = 20261129;
        });
        using var client = emulator.CreateClient(o => o.MaxRetries = 10);
        var org = emulator.OrganizationId;
        var context = new RequestContext();
        var names = Enumerable.Range(1, 120).Select(i => $"Bulk {i:D4}").ToList();
        using var throttle = new OrderedThrottle<Workplace>(8);

        var output = Throttled.Run(throttle, names, (name, token) => client.CreateWorkplaceAsync(org, Named((string)name), context.WithCancellation(token)));

        Assert.All(output, done => Assert.Null(done.Error));
        Assert.Equal(names, output.Select(done => done.Result!.Name));
        Assert.Equal(names, output.Select(done => (string)done.Input!));
        Assert.True(context.RetryCount > 0);
        var faults = (await emulator.StatsAsync()).GetProperty("faults");
        Assert.True(faults.TryGetProperty("drop-after", out var dropAfter) && dropAfter.GetInt32() > 0);
        await emulator.PutFaultsAsync(new { faults = "" });
        var alive = client.ListWorkplaces(org, new WorkplaceListQuery { Query = "Bulk" }, RequestContext.None).Select(w => w.Name).ToList();
        Assert.Equal(120, alive.Count);
        Assert.Equal(120, alive.Distinct().Count());
    }
}
