namespace LifePos.Emulator.Tests.Support;

/// <summary>
/// A POST that the emulator has received but not answered. It is sent with Expect: 100-continue, so its body goes out
/// only when the emulator starts reading it; <see cref="SendAsync"/> returns at that moment (or when an answer comes
/// first). No clock is involved in knowing that the emulator has the request.
/// </summary>
internal sealed class ReceivedRequest : IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpRequestMessage _request;
    private readonly CancellationTokenSource _timeout = new();

    private ReceivedRequest(HttpClient client, HttpRequestMessage request)
    {
        _client = client;
        _request = request;
        Answer = client.SendAsync(request, _timeout.Token);
    }

    public Task<HttpResponseMessage> Answer { get; }

    public static async Task<ReceivedRequest> SendAsync(HttpClient defaults, string path, object body)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, Expect100ContinueTimeout = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = defaults.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        foreach (var (name, values) in defaults.DefaultRequestHeaders) request.Headers.TryAddWithoutValidation(name, values);
        request.Headers.ExpectContinue = true;
        var bodyRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        request.Content = new SignallingContent(JsonSerializer.SerializeToUtf8Bytes(body), bodyRequested);
        var sent = new ReceivedRequest(client, request);
        await Task.WhenAny(bodyRequested.Task, sent.Answer);
        return sent;
    }

    /// <summary>The client's own timeout, counted from now.</summary>
    public void TimeOutAfter(TimeSpan timeout) => _timeout.CancelAfter(timeout);

    public void Dispose()
    {
        _timeout.Dispose();
        _request.Dispose();
        _client.Dispose();
    }

    /// <summary>JSON content that reports when the client starts sending it.</summary>
    private sealed class SignallingContent(byte[] body, TaskCompletionSource started) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            started.TrySetResult();
            await stream.WriteAsync(body);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
