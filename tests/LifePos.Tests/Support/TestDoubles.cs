using System.Collections.Concurrent;
using System.Net;
using System.Text;
using LifePos.Core.Http;

namespace LifePos.Tests.Support;

/// <summary>
/// A clock for the retry loop that never sleeps: it records every wait asked for and completes it at once, or, with
/// <see cref="HoldWaits"/>, keeps it pending until the wait is cancelled.
/// </summary>
internal sealed class ManualClock : IClock
{
    private long _ticks;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public bool HoldWaits { get; set; }

    /// <summary>Completes when a wait has been asked for (with <see cref="HoldWaits"/>, the wait is then pending).</summary>
    public TaskCompletionSource<TimeSpan> FirstWait { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Waits.Enqueue(delay);
        FirstWait.TrySetResult(delay);
        if (!HoldWaits)
        {
            Advance(delay);
            return Task.CompletedTask;
        }

        var pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellationToken.Register(() => pending.TrySetCanceled(cancellationToken));
        return pending.Task;
    }
}

/// <summary>An HTTP handler that answers from a script, for pure tests of the transport and classifier (no sockets).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

    public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static ScriptedHandler Always(int status, string body = "", string contentType = "application/json", string? retryAfter = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (retryAfter != null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        });

    public static ScriptedHandler Throws(Exception error) => new(_ => throw error);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(_answer(request));
    }
}
