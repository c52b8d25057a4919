namespace LifePos.Tests.Http;

/// <summary>
/// Real HTTP (a SocketsHttpHandler to the emulator) whose response bodies read like .NET Framework's: a read checks the
/// cancellation token when it starts and then ignores it until data comes or the stream is disposed. It records when a
/// read waits on a body stalled at half its Content-Length, and when such a read ends by failing.
/// </summary>
internal sealed class FrameworkLikeHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly TaskCompletionSource _stalledReadStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stalledReadFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A read began after exactly half the announced body had come (what the emulator's stall-body sends).</summary>
    public Task StalledReadStarted => _stalledReadStarted.Task;

    /// <summary>That read ended with an error: the stream under it was disposed (the server never closes it).</summary>
    public Task StalledReadFailed => _stalledReadFailed.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Content = new TokenIgnoringContent(response.Content, this);
        return response;
    }

    private sealed class TokenIgnoringContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly FrameworkLikeHandler _handler;

        public TokenIgnoringContent(HttpContent inner, FrameworkLikeHandler handler)
        {
            _inner = inner;
            _handler = handler;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new TokenIgnoringStream(await _inner.ReadAsStreamAsync(), Headers.ContentLength, _handler);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return Headers.ContentLength is not null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class TokenIgnoringStream(Stream inner, long? contentLength, FrameworkLikeHandler handler) : AsyncReadOnlyStream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stalled = contentLength is { } length && length > 1 && _read == length / 2;
            if (stalled)
            {
                handler._stalledReadStarted.TrySetResult();
            }

            try
            {
                var count = await inner.ReadAsync(buffer, CancellationToken.None);
                _read += count;
                return count;
            }
            catch (Exception) when (stalled)
            {
                handler._stalledReadFailed.TrySetResult();
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
