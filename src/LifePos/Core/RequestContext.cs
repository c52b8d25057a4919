using System.Threading;

namespace LifePos.Core
{
    /// <summary>What every client call carries: cancellation, an optional observer, and a retry counter for summaries.</summary>
    public sealed class RequestContext
    {
        private readonly RequestContext? _parent;
        private long _retryCount;
        private string? _requestId;

        public RequestContext(CancellationToken cancellationToken = default, IRequestObserver? observer = null)
        {
            CancellationToken = cancellationToken;
            Observer = observer;
        }

        private RequestContext(RequestContext parent, CancellationToken cancellationToken)
        {
            _parent = parent;
            CancellationToken = cancellationToken;
            Observer = parent.Observer;
        }

        /// <summary>A context with no cancellation and no observer.</summary>
        public static RequestContext None => new RequestContext();

        public CancellationToken CancellationToken { get; }

        public IRequestObserver? Observer { get; }

        /// <summary>Retries made by calls that used this context (the client also counts all of its retries).</summary>
        public long RetryCount => Interlocked.Read(ref _retryCount);

        /// <summary>The same observer and counter with another cancellation token (for work started on the caller's behalf).</summary>
        internal RequestContext WithCancellation(CancellationToken cancellationToken) => new RequestContext(this, cancellationToken);

        /// <summary>The id the service gave the last answer of a call made with this context (a request-id header), if any.</summary>
        public string? RequestId
        {
            get => Volatile.Read(ref _requestId);
            internal set => Volatile.Write(ref _requestId, value);
        }

        internal void CountRetry()
        {
            Interlocked.Increment(ref _retryCount);
            _parent?.CountRetry();
        }
    }
}
