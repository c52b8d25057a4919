using LifePos.Core;
using Xunit;

namespace LifePos.Tests;

public sealed class OrderedThrottleTests
{
    [Fact]
    public void Results_ComeBackInInputOrderEvenWhenTheyFinishOutOfOrder()
    {
        var random = new Random(3);
        var delays = Enumerable.Range(0, 60).Select(_ => random.Next(0, 15)).ToArray();
        var output = new List<Completed<int>>();
        using var throttle = new OrderedThrottle<int>(6);

        for (var index = 0; index < delays.Length; index++)
        {
            var item = index;
            output.AddRange(throttle.Start(item, async token =>
            {
                await Task.Delay(delays[item], token);
                return item * 10;
            }));
        }

        output.AddRange(throttle.DrainAll());

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 10), output.Select(done => done.Result));
        Assert.Equal(Enumerable.Range(0, 60).Cast<object>(), output.Select(done => done.Input!));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), output.Select(done => done.Sequence));
        Assert.Equal(60, throttle.Succeeded);
        Assert.Equal(0, throttle.InFlight);
    }

    [Fact]
    public void NeverMoreThanTheLimitRunAtOnce()
    {
        var running = 0;
        var most = 0;
        var finished = 0;
        using var throttle = new OrderedThrottle<int>(4);

        for (var index = 0; index < 40; index++)
        {
            finished += throttle.Start(index, async token =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(2, token);
                Interlocked.Decrement(ref running);
                return 0;
            }).Count;
            Assert.InRange(throttle.InFlight, 0, 4);
        }

        Assert.Equal(40, finished + throttle.DrainAll().Count());
        Assert.Equal(4, most);
    }

    [Fact]
    public void ASlowHeadItem_BoundsHowManyFinishedResultsAreHeld()
    {
        var head = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new OrderedThrottle<int>(2, default, capacity: 5);

        Assert.True(throttle.TryStart(0, _ => head.Task));
        var started = 1;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (started < 5 && DateTime.UtcNow < deadline)
        {
            if (throttle.TryStart(started, _ => Task.FromResult(1)))
            {
                started++;
            }
            else
            {
                throttle.WaitForProgress();
            }
        }

        Assert.Equal(5, throttle.Pending);
        Assert.False(throttle.TryStart(99, _ => Task.FromResult(1)));
        Assert.Empty(throttle.TakeCompletedInOrder());

        head.SetResult(7);
        var released = throttle.WaitForCompletedInOrder();

        Assert.Equal(new[] { 7, 1, 1, 1, 1 }, released.Select(done => done.Result));
        Assert.Equal(0, throttle.Pending);
    }

    [Fact]
    public void WaitForCompletedInOrder_WakesAsSoonAsTheHeadFinishesWhileOthersStillRun()
    {
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new OrderedThrottle<int>(4);
        throttle.Start("head", async token =>
        {
            await Task.Delay(20, token);
            return 1;
        });
        throttle.Start("slow", _ => slow.Task);

        var ready = throttle.WaitForCompletedInOrder();

        Assert.Equal("head", Assert.Single(ready).Input);
        Assert.Equal(1, throttle.InFlight);
        slow.SetResult(2);
        Assert.Equal(2, Assert.Single(throttle.DrainAll()).Result);
    }

    [Fact]
    public void Failures_AreCarriedWithTheirInputAndCounted()
    {
        using var throttle = new OrderedThrottle<string>(3);

        var output = throttle.Start("good", _ => Task.FromResult("ok")).ToList();
        output.AddRange(throttle.Start("bad", _ => throw new InvalidOperationException("row 2 is bad")));
        output.AddRange(throttle.Start("async bad", async _ =>
        {
            await Task.Yield();
            throw new TimeoutException("slow");
        }));
        output.AddRange(throttle.DrainAll());

        Assert.Equal(new object[] { "good", "bad", "async bad" }, output.Select(done => done.Input!));
        Assert.True(output[0].Succeeded);
        Assert.Equal("row 2 is bad", Assert.IsType<InvalidOperationException>(output[1].Error).Message);
        Assert.IsType<TimeoutException>(output[2].Error);
        Assert.Equal(1, throttle.Succeeded);
        Assert.Equal(2, throttle.Failed);
    }

    [Fact]
    public void ARefusedToken_StopsStartingRowsAndIsHandedBackInItsPlace()
    {
        var refused = new LifePosAuthenticationException("refused", 401, "Unauthorized", null, "POST", "/orgs/x/workplaces");
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedAfterTheRefusal = 0;
        using var throttle = new OrderedThrottle<string>(2);
        var output = throttle.Start("row 1", _ => gate.Task).ToList();
        output.AddRange(throttle.Start("row 2", _ => Task.FromException<string>(refused)));

        var pollUntil = DateTime.UtcNow.AddSeconds(10);
        while (!throttle.IsStopped && DateTime.UtcNow < pollUntil)
        {
            Thread.Sleep(1);
        }

        Assert.False(throttle.TryStart("row 3", _ =>
        {
            Interlocked.Increment(ref startedAfterTheRefusal);
            return Task.FromResult("row 3");
        }));
        gate.SetResult("row 1 done");
        output.AddRange(throttle.Start("row 3", _ =>
        {
            Interlocked.Increment(ref startedAfterTheRefusal);
            return Task.FromResult("row 3");
        }));

        Assert.Equal(new object[] { "row 1", "row 2" }, output.Select(done => done.Input!));
        Assert.Equal("row 1 done", output[0].Result);
        Assert.Same(refused, output[1].Error);
        Assert.Same(refused, Assert.Throws<LifePosAuthenticationException>(() => throttle.Start("row 4", _ => Task.FromResult("x"))));
        Assert.Equal(0, startedAfterTheRefusal);
        Assert.Empty(throttle.DrainAll());
    }

    [Fact]
    public async Task Cancelling_WakesABlockedStartAndCancelsTheRunningWork()
    {
        using var cancellation = new CancellationTokenSource();
        using var throttle = new OrderedThrottle<int>(1, cancellation.Token);
        var workSawCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var workStarted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        throttle.Start(0, async token =>
        {
            workStarted.SetResult(true);
            try
            {
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            }
            catch (OperationCanceledException)
            {
                workSawCancellation.SetResult(true);
                throw;
            }
        });

        await workStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cancellation.CancelAfter(50);
        Assert.ThrowsAny<OperationCanceledException>(() => throttle.Start(1, _ => Task.FromResult(1)));

        Assert.True(await workSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.ThrowsAny<OperationCanceledException>(() => throttle.DrainAll().ToList());
    }

    [Fact]
    public void Draining_AnEmptyThrottleReturnsAtOnce()
    {
        using var throttle = new OrderedThrottle<int>(2);

        Assert.Empty(throttle.DrainAll());
        Assert.Empty(throttle.WaitForCompletedInOrder());
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedThrottle<int>(0));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
