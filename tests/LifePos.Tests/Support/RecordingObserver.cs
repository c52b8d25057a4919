using System.Collections.Concurrent;
using LifePos.Core;

namespace LifePos.Tests.Support;

/// <summary>Records everything the client tells an observer, thread-safely.</summary>
internal sealed class RecordingObserver : IRequestObserver
{
    public ConcurrentQueue<string> Debug { get; } = new();

    public ConcurrentQueue<RequestLog> Requests { get; } = new();

    public ConcurrentQueue<RetryInfo> Retries { get; } = new();

    public Action<RetryInfo>? OnRetryCallback { get; set; }

    public bool IsDebugEnabled { get; set; } = true;

    public int RequestsStarted(string pathFragment) =>
        Debug.Count(text => text.StartsWith("HTTP request ", StringComparison.Ordinal) && text.Split('\n')[0].Contains(pathFragment, StringComparison.Ordinal));

    public void OnRequestCompleted(RequestLog log) => Requests.Enqueue(log);

    public void OnDebug(string text) => Debug.Enqueue(text);

    public void OnRetry(RetryInfo info)
    {
        Retries.Enqueue(info);
        OnRetryCallback?.Invoke(info);
    }

    /// <summary>Every text the observer received, for secret checks.</summary>
    public string AllText() =>
        string.Join("\n", Debug) + "\n" + string.Join("\n", Requests.Select(r => r.ToString())) + "\n" +
        string.Join("\n", Retries.Select(r => r.ToString() + " " + r.Reason));
}
