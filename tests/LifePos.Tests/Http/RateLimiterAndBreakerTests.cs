using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

/// <summary>The connection's two shared stages, on a clock the test moves: no sockets, no sleeps.</summary>
public sealed class RateLimiterAndBreakerTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Get, "/orgs", RetryMode.Repeatable);

    private static async Task Answer(RateLimiter limiter, int count, ManualClock clock, TimeSpan spacing)
    {
        for (var index = 0; index < count; index++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
            limiter.Answered();
            clock.Advance(spacing);
        }
    }

    [Fact]
    public async Task Limiter_LetsEverythingThroughUntilAFirstBurstOf429sThenPacesJustUnderWhatWasAccepted()
    {
        var clock = new ManualClock();
        var limiter = new RateLimiter(clock, TimeSpan.FromSeconds(30));
        await Answer(limiter, 60, clock, TimeSpan.FromMilliseconds(20));
        Assert.Empty(clock.Waits);
        Assert.Null(limiter.Rate);

        var pause = limiter.Pause(TimeSpan.FromSeconds(1), learn: true);
        Assert.Null(limiter.Rate);
        limiter.Pause(TimeSpan.FromSeconds(1), learn: true);

        Assert.Equal(TimeSpan.FromSeconds(1), pause);
        // 50 answers a second were accepted in the second before the burst (one every 20 ms).
        Assert.Equal(50 * 0.95, limiter.Rate!.Value, 3);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        var waits = clock.Waits.ToArray();
        Assert.Equal(2, waits.Length);
        Assert.Equal(TimeSpan.FromSeconds(1), waits[0]);
        Assert.Equal(1000 / 47.5, waits[1].TotalMilliseconds, 2);
    }

    [Fact]
    public async Task Limiter_ARateLearnedTooHigh_ComesDownAStepWithEveryLaterBurst()
    {
        var clock = new ManualClock();
        var limiter = new RateLimiter(clock, TimeSpan.FromSeconds(30));
        await Answer(limiter, 40, clock, TimeSpan.FromMilliseconds(25));
        limiter.Pause(TimeSpan.FromSeconds(1), learn: true);
        limiter.Pause(TimeSpan.FromSeconds(1), learn: true);
        var learned = limiter.Rate!.Value;

        var rates = new List<double>();
        for (var burst = 0; burst < 3; burst++)
        {
            // A second at the paced rate, all accepted, then the service refuses two in a row anyway.
            clock.Advance(TimeSpan.FromSeconds(1));
            await Answer(limiter, (int)learned, clock, TimeSpan.FromSeconds(1 / learned));
            limiter.Pause(TimeSpan.FromSeconds(1), learn: true);
            limiter.Pause(TimeSpan.FromSeconds(1), learn: true);
            rates.Add(limiter.Rate!.Value);
        }

        Assert.Equal(learned * 0.95, rates[0], 3);
        Assert.Equal(learned * 0.95 * 0.95, rates[1], 3);
        Assert.Equal(learned * 0.95 * 0.95 * 0.95, rates[2], 3);
    }

    [Fact]
    public async Task Limiter_ALone429PausesEveryoneButTeachesNoRate()
    {
        var clock = new ManualClock();
        var limiter = new RateLimiter(clock, TimeSpan.FromSeconds(30));
        await Answer(limiter, 30, clock, TimeSpan.FromMilliseconds(10));

        limiter.Pause(TimeSpan.FromSeconds(2), learn: true);
        await Answer(limiter, 1, clock, TimeSpan.Zero);
        limiter.Pause(TimeSpan.FromSeconds(2), learn: true);

        Assert.Null(limiter.Rate);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Waits.First());
    }

    [Fact]
    public void Limiter_NeverPausesLongerThanMaxRetryDelay()
    {
        var limiter = new RateLimiter(new ManualClock(), TimeSpan.FromMilliseconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(30), limiter.Pause(TimeSpan.FromHours(1), learn: false));
        Assert.Equal(TimeSpan.FromMilliseconds(30), limiter.Pause(null, learn: false));
    }

    [Fact]
    public async Task Limiter_StartsWithFewInFlightAndDoublesWithEachSuccessStreak()
    {
        var limiter = new RateLimiter(new ManualClock(), TimeSpan.FromSeconds(30));
        var leases = new List<IDisposable>();
        for (var index = 0; index < 8; index++)
        {
            leases.Add(await limiter.AcquireAsync(CancellationToken.None));
        }

        var ninth = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(ninth.IsCompleted);
        leases[0].Dispose();
        leases.Add(await ninth);

        foreach (var lease in leases)
        {
            lease.Dispose();
            limiter.Answered();
        }

        for (var index = 0; index < 8; index++)
        {
            limiter.Answered();
        }

        var sixteen = new List<IDisposable>();
        for (var index = 0; index < 16; index++)
        {
            var acquire = limiter.AcquireAsync(CancellationToken.None);
            Assert.True(acquire.IsCompleted, $"request {index + 1} of 16 after 16 answers");
            sixteen.Add(await acquire);
        }
    }

    [Fact]
    public async Task Limiter_AWaitEndsWhenTheCallIsCancelled()
    {
        var clock = new ManualClock { HoldWaits = true };
        var limiter = new RateLimiter(clock, TimeSpan.FromSeconds(30));
        limiter.Pause(TimeSpan.FromSeconds(5), learn: false);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancellation.Token);
        await clock.FirstWait.Task;
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void Breaker_ADropFollowedByAnAnswerNeverOpens()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(10), clock, "api.example");

        Assert.False(breaker.Unreachable(clock.Now, "connection dropped"));
        Assert.True(breaker.IsSuspecting);
        clock.Advance(TimeSpan.FromSeconds(9));
        breaker.Answered();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(breaker.Unreachable(clock.Now, "connection dropped"));

        breaker.ThrowIfOpen(Request);
        Assert.False(breaker.WhenOpen.IsCompleted);
    }

    [Fact]
    public void Breaker_OpensOnceNothingWasAnsweredForTheSpanThenLetsOneProbeThrough()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(10), clock, "api.example");
        breaker.Unreachable(clock.Now, "connection failed");
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(breaker.Unreachable(clock.Now, "connection failed"));
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.True(breaker.Unreachable(clock.Now, "connection failed"));
        Assert.True(breaker.WhenOpen.IsCompleted);
        var error = Assert.Throws<LifePosServiceUnreachableException>(() => breaker.ThrowIfOpen(Request));
        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.StartsWith("LIFE POS at api.example has not been reachable for 10 s (connection failed), so nothing more is sent.", error.Message);
        Assert.EndsWith("(GET /orgs)", error.Message);

        clock.Advance(TimeSpan.FromSeconds(10));
        breaker.ThrowIfOpen(Request);
        Assert.Throws<LifePosServiceUnreachableException>(() => breaker.ThrowIfOpen(Request));
        breaker.Answered();
        breaker.ThrowIfOpen(Request);
        Assert.False(breaker.WhenOpen.IsCompleted);
    }

    [Fact]
    public void Breaker_ATryThatHungCountsFromWhenItStarted()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(TimeSpan.FromSeconds(10), clock, "api.example");
        var started = clock.Now;
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(breaker.Unreachable(started, "no answer within 30 s"));
        Assert.Contains("and -Timeout how long one try waits", Assert.Throws<LifePosServiceUnreachableException>(() => breaker.ThrowIfOpen(Request)).Message);
    }
}
