using LifePos.Shell.Runs;
using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Runs;

public sealed class OrderedThrottleTests
{
    [Fact]
    public void Results_ComeBackInInputOrderEvenWhenTheyFinishOutOfOrder()
    {
        // Each item finishes only after the next one has, so completion order is the reverse of start order in every window.
        var finished = Enumerable.Range(0, 61).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        finished[60].SetResult(0);
        using var throttle = new OrderedThrottle<int>(6);

        var output = Throttled.Run(throttle, Enumerable.Range(0, 60).Cast<object>(), async (input, _) =>
        {
            var item = (int)input;
            if (item % 6 == 5 || item == 59)
            {
                finished[item + 1].TrySetResult(0);
            }

            await finished[item + 1].Task;
            finished[item].TrySetResult(0);
            return item * 10;
        });

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 10), output.Select(done => done.Result));
        Assert.Equal(Enumerable.Range(0, 60).Cast<object>(), output.Select(done => done.Input!));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), output.Select(done => done.Sequence));
        Assert.Equal(0, throttle.InFlight);
    }

    [Fact]
    public void NeverMoreThanTheLimitRunAtOnce()
    {
        var running = 0;
        var most = 0;
        using var throttle = new OrderedThrottle<int>(4);

        var output = Throttled.Run(throttle, Enumerable.Range(0, 40).Cast<object>(), async (_, token) =>
        {
            InterlockedMax(ref most, Interlocked.Increment(ref running));
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return 0;
        });

        Assert.Equal(40, output.Count);
        Assert.InRange(most, 1, 4);
    }

    [Fact]
    public void ASlowHeadItem_BoundsHowManyFinishedResultsAreHeld()
    {
        var head = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new OrderedThrottle<int>(2, default, capacity: 5);
        throttle.Start(0, _ => head.Task);

        for (var started = 1; started < 5; started++)
        {
            Assert.Empty(throttle.WaitForRoom());
            throttle.Start(started, _ => Task.FromResult(1));
        }

        Assert.Equal(5, throttle.Pending);
        Assert.Throws<InvalidOperationException>(() => throttle.Start(99, _ => Task.FromResult(1)));

        head.SetResult(7);
        var released = throttle.WaitForRoom();

        Assert.Equal(new[] { 7, 1, 1, 1, 1 }, released.Select(done => done.Result));
        Assert.Equal(0, throttle.Pending);
    }

    [Fact]
    public void WaitForNext_WakesAsSoonAsTheHeadFinishesWhileOthersStillRun()
    {
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new OrderedThrottle<int>(4);
        throttle.Start("head", async _ =>
        {
            await Task.Yield();
            return 1;
        });
        throttle.Start("slow", _ => slow.Task);

        var ready = throttle.WaitForNext();

        Assert.Equal("head", Assert.Single(ready).Input);
        Assert.Equal(1, throttle.InFlight);
        slow.SetResult(2);
        Assert.Equal(2, Assert.Single(throttle.WaitForNext()).Result);
    }

    [Fact]
    public void Failures_AreCarriedWithTheirInputInTheirPlace()
    {
        using var throttle = new OrderedThrottle<string>(3);

        var output = Throttled.Run(throttle, new object[] { "good", "bad", "async bad" }, async (input, _) =>
        {
            switch (input)
            {
                case "bad":
                    throw new InvalidOperationException("row 2 is bad");
                case "async bad":
                    await Task.Yield();
                    throw new TimeoutException("slow");
                default:
                    return "ok";
            }
        });

        Assert.Equal(new object[] { "good", "bad", "async bad" }, output.Select(done => done.Input!));
        Assert.True(output[0].Succeeded);
        Assert.Equal("row 2 is bad", Assert.IsType<InvalidOperationException>(output[1].Error).Message);
        Assert.IsType<TimeoutException>(output[2].Error);
    }

    [Fact]
    public void AFailedHead_IsHandedBackBeforeAnythingMoreCanStart()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new OrderedThrottle<string>(1);
        throttle.Start("row 1", _ => Task.FromException<string>(new InvalidOperationException("refused")));

        // With a limit of 1 there is room only once row 1 is done: the owner sees its failure before it can start row 2.
        var ready = throttle.WaitForRoom();

        Assert.Equal("row 1", Assert.Single(ready).Input);
        Assert.IsType<InvalidOperationException>(ready[0].Error);
        Assert.Empty(throttle.WaitForRoom());
        throttle.Start("row 2", _ => gate.Task);
        gate.SetResult("done");
        Assert.Equal("done", Assert.Single(throttle.WaitForNext()).Result);
    }

    [Fact]
    public async Task Cancelling_WakesABlockedWaitAndCancelsTheRunningWork()
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
        await workStarted.Task;

        var blocked = Task.Run(() => throttle.WaitForRoom());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.True(await workSawCancellation.Task);
        Assert.ThrowsAny<OperationCanceledException>(() => throttle.WaitForNext());
    }

    [Fact]
    public void Draining_AnEmptyThrottleReturnsAtOnce()
    {
        using var throttle = new OrderedThrottle<int>(2);

        Assert.Empty(throttle.WaitForNext());
        Assert.Empty(throttle.WaitForRoom());
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
