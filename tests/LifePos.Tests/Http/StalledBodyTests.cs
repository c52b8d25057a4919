using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

/// <summary>
/// A body that stalls after the headers (the emulator's stall-body), read the way .NET Framework reads it: the stream
/// ignores the token once a read has started. The per-try -Timeout and Ctrl+C must still end the call, because the
/// transport disposes the response; the guard only catches a hang, it measures nothing.
/// </summary>
public sealed class StalledBodyTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AStalledBody_EndsItsTryAtTheTimeout_EvenWhenTheStreamIgnoresTheToken()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 3);
        var handler = new FrameworkLikeHandler();
        using var client = emulator.CreateClient(o =>
        {
            o.Handler = handler;
            o.Timeout = TimeSpan.FromMilliseconds(300);
        });
        var id = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).First().Id;
        await emulator.ForceNextAsync("get", "stall-body");
        var observer = new RecordingObserver();

        var workplace = await client.GetWorkplaceAsync(emulator.OrganizationId, id, new RequestContext(observer: observer)).WaitAsync(HangGuard);

        Assert.Equal(id, workplace.Id);
        Assert.True(handler.StalledReadStarted.IsCompleted, "the body never stalled, so nothing was tested");
        await handler.StalledReadFailed.WaitAsync(HangGuard);
        var retry = Assert.Single(observer.Retries);
        Assert.Equal("no answer within 0.3 s", retry.Reason);
        Assert.Equal(2, await emulator.RequestsAsync("get"));
    }

    [Fact]
    public async Task AStalledBody_EndsAtCtrlC_EvenWhenTheStreamIgnoresTheToken()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 3);
        var handler = new FrameworkLikeHandler();
        using var client = emulator.CreateClient(o => o.Handler = handler);
        var id = client.ListWorkplaces(emulator.OrganizationId, new WorkplaceListQuery(), RequestContext.None).First().Id;
        await emulator.ForceNextAsync("get", "stall-body");
        using var ctrlC = new CancellationTokenSource();

        var call = client.GetWorkplaceAsync(emulator.OrganizationId, id, new RequestContext(ctrlC.Token));
        await handler.StalledReadStarted.WaitAsync(HangGuard);
        await ctrlC.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(HangGuard));
        await handler.StalledReadFailed.WaitAsync(HangGuard);
        Assert.Equal(1, await emulator.RequestsAsync("get"));
    }
}
