using LifePos.Core.Http;
using Xunit;

namespace LifePos.Tests;

/// <summary>
/// One attempt's token comes from a small pool of sources instead of a new linked source and timer per attempt; a
/// source is reused only when nothing can cancel it any more.
/// </summary>
public sealed class AttemptCancellationTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public void CancellingTheCaller_CancelsTheAttempt()
    {
        using var pool = new AttemptCancellation();
        using var caller = new CancellationTokenSource();
        using var lease = pool.Start(caller.Token, Long);

        caller.Cancel();

        Assert.True(lease.Token.IsCancellationRequested);
    }

    [Fact]
    public void AnAlreadyCancelledCaller_GivesACancelledAttempt()
    {
        using var pool = new AttemptCancellation();
        using var lease = pool.Start(new CancellationToken(canceled: true), Long);

        Assert.True(lease.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task TheTimeout_CancelsTheAttemptAndThatSourceIsNotReused()
    {
        using var pool = new AttemptCancellation();
        var lease = pool.Start(CancellationToken.None, TimeSpan.FromMilliseconds(30));
        var timedOut = lease.Token;

        await Task.Delay(Timeout.Infinite, timedOut).ContinueWith(_ => { });
        lease.Dispose();
        using var next = pool.Start(CancellationToken.None, Long);

        Assert.True(timedOut.IsCancellationRequested);
        Assert.NotEqual(timedOut, next.Token);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void AnAttemptThatEndsEarly_GivesItsSourceToTheNextAttempt()
    {
        using var pool = new AttemptCancellation();
        var first = pool.Start(CancellationToken.None, Long);
        var token = first.Token;
        first.Dispose();

        using var second = pool.Start(CancellationToken.None, Long);

        Assert.Equal(token, second.Token);
        Assert.False(second.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task AReusedSource_KeepsNoTimerOfTheAttemptBefore()
    {
        using var pool = new AttemptCancellation();
        var shortTimeout = AttemptCancellation.ReuseMargin + TimeSpan.FromMilliseconds(300);
        var first = pool.Start(CancellationToken.None, shortTimeout);
        var token = first.Token;
        first.Dispose();

        // Past the first attempt's timeout: its timer was disarmed, so the pooled source is still good.
        await Task.Delay(shortTimeout + TimeSpan.FromMilliseconds(500));
        using var second = pool.Start(CancellationToken.None, Long);

        Assert.Equal(token, second.Token);
        Assert.False(second.Token.IsCancellationRequested);
    }

    [Fact]
    public void AReusedSource_NoLongerListensToTheCallerBefore()
    {
        using var pool = new AttemptCancellation();
        using var firstCaller = new CancellationTokenSource();
        var first = pool.Start(firstCaller.Token, Long);
        var token = first.Token;
        first.Dispose();

        using var second = pool.Start(CancellationToken.None, Long);
        firstCaller.Cancel();

        Assert.Equal(token, second.Token);
        Assert.False(second.Token.IsCancellationRequested);
    }

    [Fact]
    public void ASourceDisarmedCloseToItsTimeout_IsNotReused()
    {
        using var pool = new AttemptCancellation();
        var first = pool.Start(CancellationToken.None, AttemptCancellation.ReuseMargin - TimeSpan.FromMilliseconds(1));
        var token = first.Token;
        first.Dispose();

        using var second = pool.Start(CancellationToken.None, Long);

        Assert.NotEqual(token, second.Token);
    }

    [Fact]
    public void WithoutATimeout_TheCallersTokenServesAsItIs()
    {
        using var pool = new AttemptCancellation();
        using var caller = new CancellationTokenSource();

        using var lease = pool.Start(caller.Token, TimeSpan.FromDays(30));

        Assert.Equal(caller.Token, lease.Token);
    }
}
